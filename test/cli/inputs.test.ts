// Every problem with what a command is given — a glossary, skip list or overrides file that does
// not exist, a file named that is not a plan, a folder without plans — is reported in the chosen
// output (a row in text and json, a notification in SARIF, an annotation in GitHub Actions) and
// makes the exit status 2; and every command that reads plans takes --overrides.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { runCli } from '../helpers/cli';
import { git, gitEnv, write } from '../helpers/gitRepo';

const root = resolve(__dirname, '../..');
const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-inputs-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) write(folder, name, content as string);
  return folder;
}

/** Runs the command line as outside GitHub Actions. */
function run(args: string[], cwd: string) {
  const { GITHUB_ACTIONS: _, ...outside } = process.env;
  return runCli(args, cwd, { ...outside, ...gitEnv });
}

const plan = 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First\n    due: 2021-09-01\n';
const cleanFolder = () => folderWith({ 'a.milestones.yaml': plan, 'README.md': '# Plans\n', 'data/local.yaml': 'M-1:\n  due: 2021-10-01\n' });

const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const validateSarif = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false }).compile(sarifSchema);

describe('check: a missing input is a problem in every format, and exit 2', () => {
  const cases = [
    { what: 'a glossary file', args: ['--glossary', 'missing.csv'], file: 'missing.csv', message: 'The glossary file missing.csv cannot be read: it does not exist.' },
    { what: 'a skip list', args: ['--skip-acronyms', 'missing.txt'], file: 'missing.txt', message: 'The skip list missing.txt cannot be read: it does not exist.' },
    { what: 'an overrides file', args: ['--overrides', 'data/missing.yaml'], file: 'data/missing.yaml', message: 'The overrides file data/missing.yaml cannot be read: it does not exist.' },
    { what: 'a file that is not a plan', args: ['README.md'], file: 'README.md', message: "README.md is not a plan: a plan's name ends in .milestones.yaml or .milestones.yml (an overrides file is given with --overrides)." },
    { what: 'a path that does not exist', args: ['nowhere'], file: 'nowhere', message: 'nowhere: no such file or folder.' },
    { what: 'a folder without plans', args: ['data'], file: 'data', message: 'No plan files (*.milestones.yaml, *.milestones.yml) in data or its subfolders.' },
  ];
  for (const { what, args, file, message } of cases) {
    test(what, () => {
      const folder = cleanFolder();
      const text = run(['check', ...args], folder);
      assert.equal(text.status, 2, text.stderr);
      assert.equal(text.stdout, `${file}:1:1 error input ${message}\n`);
      assert.match(text.stderr, /milestones: 1 input was missing or not what the checker reads \(code input\): exit status 2\.\n$/);

      const json = run(['check', '--format', 'json', ...args], folder);
      assert.equal(json.status, 2);
      assert.deepEqual(JSON.parse(json.stdout), [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'input', message }]);

      const github = run(['check', '--format', 'github', ...args], folder);
      assert.equal(github.status, 2);
      assert.equal(github.stdout, `::error file=${file},title=milestones input::${message}\n`);

      const sarif = run(['check', '--format', 'sarif', ...args], folder);
      assert.equal(sarif.status, 2);
      const log = JSON.parse(sarif.stdout) as Log;
      assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
      const invocation = log.runs[0]!.invocations![0]!;
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(invocation.toolExecutionNotifications, [
        { descriptor: { id: 'input' }, level: 'error', message: { text: message }, locations: [{ physicalLocation: { artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' } } }] },
      ]);
      assert.deepEqual(log.runs[0]!.results, []);
    });
  }

  test('a clean run is a successful invocation; the plans are still checked beside a missing input', () => {
    const folder = cleanFolder();
    const clean = run(['check', '--format', 'sarif'], folder);
    assert.equal(clean.status, 0, clean.stdout);
    assert.deepEqual((JSON.parse(clean.stdout) as Log).runs[0]!.invocations, [{ executionSuccessful: true }]);
    write(folder, 'b.milestones.yaml', 'milestones:\n  M-2:\n    name: Second\n    due: 2021-02-30\n');
    const both = run(['check', '--glossary', 'missing.csv'], folder);
    assert.equal(both.status, 2, 'an input problem outranks the problems in the plans');
    assert.equal(both.stdout, [
      'b.milestones.yaml:4:10 error invalid-date "2021-02-30" is not a real day: February 2021 has 28 days.',
      'missing.csv:1:1 error input The glossary file missing.csv cannot be read: it does not exist.',
      '',
    ].join('\n'));
  });

  test('a file named on the command line is a plan by its name; an overrides file named as one is not read twice', () => {
    const folder = cleanFolder();
    write(folder, 'bytes.bin', Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0x0a]) as unknown as string);
    const binary = run(['check', 'a.milestones.yaml', 'bytes.bin'], folder);
    assert.equal(binary.status, 2);
    assert.equal(binary.stdout, "bytes.bin:1:1 error input bytes.bin is not a plan: a plan's name ends in .milestones.yaml or .milestones.yml (an overrides file is given with --overrides).\n");
    const named = run(['check', 'a.milestones.yaml', 'data/local.yaml', '--overrides', 'data/local.yaml'], folder);
    assert.equal(named.status, 0, named.stdout);
    assert.equal(named.stdout, '');
    assert.match(named.stderr, /^1 plan file checked: 0 errors/);
  });

  test('the current folder without plans', () => {
    const result = run(['check'], folderWith({ 'notes.yaml': 'not: a plan\n' }));
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '.:1:1 error input No plan files (*.milestones.yaml, *.milestones.yml) in this folder or its subfolders.\n');
    assert.match(result.stderr, /^0 plan files checked/);
  });
});

describe('every command that reads plans takes --overrides, and fails on a missing input', () => {
  const commands: [string, string[]][] = [
    ['export', []],
    ['export', ['--format', 'mermaid']],
    ['report', ['delayed']],
    ['burndown', []],
  ];
  for (const [command, args] of commands) {
    test(`${command} ${args.join(' ')}`, () => {
      const folder = cleanFolder();
      const withOverrides = run([command, ...args, '--overrides', 'data/local.yaml'], folder);
      assert.equal(withOverrides.status, 0, withOverrides.stderr);
      assert.notEqual(withOverrides.stdout, '');
      for (const [bad, message] of [
        [['--overrides', 'data/missing.yaml'], 'The overrides file data/missing.yaml cannot be read: it does not exist.'],
        [['README.md'], "README.md is not a plan: a plan's name ends in .milestones.yaml or .milestones.yml (an overrides file is given with --overrides)."],
        [['data'], 'No plan files (*.milestones.yaml, *.milestones.yml) in data or its subfolders.'],
      ] as const) {
        const result = run([command, ...args, ...bad], folder);
        assert.equal(result.status, 2, `${bad.join(' ')}: ${result.stdout}`);
        assert.equal(result.stdout, '', 'nothing half-made on standard output');
        assert.equal(result.stderr, `milestones: ${message}\n`);
      }
    });
  }

  test('diff applies each side its own overrides file: the one at the revision, and the one now', () => {
    const repo = folderWith({ 'a.milestones.yaml': plan, 'data/local.yaml': 'M-1:\n  due: 2021-10-01\n' });
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'The first plan']);
    write(repo, 'data/local.yaml', 'M-1:\n  due: 2021-11-15\n  completed: 2021-11-20\n');
    const result = run(['diff', 'HEAD', '--format', 'json', '--overrides', 'data/local.yaml'], repo);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      { id: 'M-1', kind: 'changed', field: 'due', before: '2021-10-01', after: '2021-11-15', days: 45 },
      { id: 'M-1', kind: 'changed', field: 'completed', before: null, after: '2021-11-20', days: null },
    ]);
    assert.deepEqual(JSON.parse(run(['diff', 'HEAD', '--format', 'json'], repo).stdout), [], 'without it, the plan alone has not moved');
    const missing = run(['diff', 'HEAD', '--overrides', 'data/missing.yaml'], repo);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'milestones: The overrides file data/missing.yaml cannot be read: it does not exist.\n');
  });
});

test('the example plans check as before from the repository root', () => {
  const result = run(['check', 'examples'], root);
  assert.equal(result.status, 0, result.stderr);
});
