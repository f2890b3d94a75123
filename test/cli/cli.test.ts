// The command-line checker as CI of a plan's repository runs it: `node dist/cli.js check …`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

const cli = resolve(__dirname, '../../dist/cli.js');
const root = resolve(__dirname, '../..');

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function planFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return folder;
}

describe('milestones check', () => {
  test('on the example plan: the twenty pair hits, no errors, exit 0', () => {
    const result = run(['check', 'examples']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trim().split('\n');
    const pairLines = lines.filter((line) => / (feature-due-after-milestone|feature-open-in-completed-milestone|feature-completed-after-milestone) /.test(line));
    assert.equal(pairLines.length, 20);
    const ncsa8 = pairLines.find((line) => line.includes('DM-NCSA-8 is due 2021-07-01, after LDM-503-05 (due 2018-07-17).'))!;
    assert.match(ncsa8, /^examples\/ldm-564\.milestones\.yaml:\d+:9 warning feature-due-after-milestone DM-NCSA-8 is due/);
    assert.match(result.stderr, /2 plan files checked: 0 errors, 20 warnings/);
  });

  test('--format json gives 1-based positions and every field', () => {
    const result = run(['check', '--format', 'json', 'examples/ldm-564.milestones.yaml']);
    assert.equal(result.status, 0);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.ok(rows.length >= 20);
    for (const row of rows) assert.deepEqual(Object.keys(row), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    const row = rows.find((candidate) => String(candidate.message).startsWith('DM-NCSA-8 is due'))!;
    assert.equal(row.column, 9);
    assert.equal(row.endColumn, 9 + 'DM-NCSA-8'.length);
  });

  test('exit 1 on errors, with file:line:col of each', () => {
    const folder = planFolder({ 'sub/a.milestones.yaml': 'milestones:\n  M-1:\n    name: x\n    due: 2021-02-30\n', 'ignored.yaml': 'not: [a plan' });
    const result = run(['check'], folder);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, 'sub/a.milestones.yaml:4:10 error invalid-date "2021-02-30" is not a real day: February 2021 has 28 days.\n');
  });

  test('--as-of and --rule change what is reported', () => {
    const folder = planFolder({ 'a.milestones.yml': 'milestones:\n  M-1:\n    name: x\n    due: 2021-01-01\n' });
    assert.match(run(['check', '--as-of', '2022-01-01', '.'], folder).stdout, /information overdue Milestone M-1 was due 2021-01-01/);
    assert.equal(run(['check', '--as-of', '2020-01-01', '.'], folder).stdout, '');
    const asError = run(['check', '--as-of', '2022-01-01', '--rule', 'overdue=error', '.'], folder);
    assert.equal(asError.status, 1);
    assert.match(asError.stdout, / error overdue /);
    assert.equal(run(['check', '--as-of', '2022-01-01', '--rule', 'overdue=off', '.'], folder).stdout, '');
  });

  test('glossary files and tags', () => {
    const folder = planFolder({
      'a.milestones.yaml': 'milestones:\n  M-1:\n    name: Ship the QQX to the ZZQ\n    due: 2030-01-01\n',
      'glossary.csv': '\uFEFFTerm,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\nQQX,A made-up thing,DM,,,Acronym\n',
      'skip.txt': '# words\nZZQ\n',
    });
    const without = run(['check', '--as-of', '2021-01-01', '.'], folder);
    assert.match(without.stdout, /unknown-acronym Unknown acronym QQX/);
    const withGlossary = run(['check', '--as-of', '2021-01-01', '--glossary', 'glossary.csv', '--skip-acronyms', 'skip.txt', '.'], folder);
    assert.equal(withGlossary.stdout, '');
  });

  test('glossary problems: a binary file is one line naming it; a bad CSV row is reported on its line and the others are kept', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, ...Array.from({ length: 400 }, (_, index) => (index * 37) % 256)]);
    const folder = planFolder({
      'a.milestones.yaml': 'milestones:\n  M-1:\n    name: Ship the QQX and the QQY\n    due: 2030-01-01\n',
      'glossary.csv': 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\r\nQQW,"A runaway quote,DM,,,A\r\nQQX,A made-up thing,DM,,,A\r\nQQY,"Another, quoted",DM,,,A\r\n',
    });
    writeFileSync(join(folder, 'bytes.txt'), binary);
    const result = run(['check', '--as-of', '2021-01-01', '--glossary', 'bytes.txt', '--glossary', 'glossary.csv', '.'], folder);
    assert.equal(result.stdout, '');
    const glossaryLines = result.stderr.split('\n').filter((line) => /^(bytes\.txt|glossary\.csv):/.test(line));
    assert.deepEqual(glossaryLines, [
      'bytes.txt:1: bytes.txt is not a text file: a glossary is a CSV, YAML or TERM:definition text file, and a skip list one term a line.',
      'glossary.csv:2: The quote opened in "QQW,"A runaway quote,DM,,,A" is not closed on its line: this row is left out. Close the quote, or double it ("") to mean a quote character.',
    ]);
  });

  test('--overrides checks an overrides file beside the plans: the one in local.yaml shape has no problem, a bad one is reported on its lines', () => {
    const folder = planFolder({
      'a.milestones.yaml': 'milestones:\n  DLP-552:\n    name: Alert distribution\n    due: 2030-01-01\n',
      'data/local.yaml': readFileSync(resolve(root, 'test/fixtures/overrides/local.yaml'), 'utf8'),
      'data/bad.yaml': 'DLP-552:\n  descripton: At scale.\n  due: 2021-02-30\n',
    });
    const good = run(['check', '--as-of', '2021-01-01', '--overrides', 'data/local.yaml', '.'], folder);
    assert.equal(good.stdout, '');
    assert.equal(good.status, 0);
    const bad = run(['check', '--as-of', '2021-01-01', '--overrides', 'data/bad.yaml', '.'], folder);
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, [
      'data/bad.yaml:2:3 error schema Unknown key "descripton" in the override of DLP-552. Did you mean "description"?',
      'data/bad.yaml:3:8 error invalid-date "2021-02-30" is not a real day: February 2021 has 28 days.',
      '',
    ].join('\n'));
  });

  test('bad usage exits 2 with a message', () => {
    for (const args of [['check', '--as-of', '2021-02-30'], ['check', '--rule', 'nope=error'], ['check', '--rule', 'overdue=loud'], ['check', '--format', 'xml'], ['check', '--bogus'], ['frobnicate'], [], ['check', 'no/such/folder']]) {
      const result = run(args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.match(result.stderr, /milestones: |Usage:/);
    }
    assert.equal(run(['--help']).status, 0);
  });
});

describe('milestones export', () => {
  test('prints the plan as Markdown or LaTeX', () => {
    const markdown = run(['export', 'examples']);
    assert.equal(markdown.status, 0);
    assert.match(markdown.stdout, /^### HSC reprocessing: LDM-503-02\n\n\*Due: 2017-12-01; completed 2017-12-01\.\*\n/);
    const latex = run(['export', '--format', 'tex', 'examples']);
    assert.match(latex.stdout, /^\\subsection\{HSC reprocessing: LDM-503-02\}/);
    assert.equal(run(['export', '--format', 'pdf']).status, 2);
  });
  test('prints the plan as a Graphviz graph or a Mermaid gantt chart', () => {
    const folder = planFolder({
      'a.milestones.yaml': 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: One\n    due: 2021-01-01\n  M-2:\n    name: Two\n    due: 2021-02-01\n    predecessors: [M-1]\n',
    });
    const dot = run(['export', '--format', 'dot', folder]);
    assert.equal(dot.status, 0, dot.stderr);
    assert.match(dot.stdout, /^digraph milestones \{\n/);
    assert.match(dot.stdout, /\n {2}"M-1" -> "M-2";\n\}\n$/);
    const mermaid = run(['export', '--format', 'mermaid', folder]);
    assert.equal(mermaid.status, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^gantt\n/);
    assert.match(mermaid.stdout, /\n {4}M-2 Two :crit, M_2, after M_1, 2021-02-01\n/);
    assert.match(run(['export', '--format', 'svg']).stderr, /--format must be md, tex, dot or mermaid, not "svg"\./);
  });
});
