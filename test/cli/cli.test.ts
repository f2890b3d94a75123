// The command-line checker as CI of a plan's repository runs it: `node dist/cli.js check …`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import type { Log } from 'sarif';
import { runCli } from '../helpers/cli';

const root = resolve(__dirname, '../..');

/** Runs the checker as outside GitHub Actions, whatever runs the tests, unless `env` says otherwise. */
function run(args: string[], cwd = root, env: Record<string, string> = {}) {
  const { GITHUB_ACTIONS: _, ...outside } = process.env;
  return runCli(args, cwd, { ...outside, ...env });
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

  test('slipped: off until --rule turns it on, then judged against --slip-threshold-days', () => {
    const folder = planFolder({ 'a.milestones.yml': 'milestones:\n  M-1:\n    name: x\n    due: 2030-01-01\n    forecast: 2030-03-02\n' });
    assert.equal(run(['check', '--as-of', '2029-01-01', '.'], folder).stdout, '');
    const on = run(['check', '--as-of', '2029-01-01', '--rule', 'slipped=warning', '.'], folder);
    assert.equal(on.stdout, 'a.milestones.yml:5:15 warning slipped Milestone M-1 is forecast 2030-03-02, 60 days after its due date 2030-01-01 (milestones.slipThresholdDays is 0).\n');
    assert.equal(run(['check', '--as-of', '2029-01-01', '--rule', 'slipped=warning', '--slip-threshold-days', '60', '.'], folder).stdout, '');
    const bad = run(['check', '--slip-threshold-days', 'soon', '.'], folder);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--slip-threshold-days must be a whole number of days, 0 or more\./);
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

  test('glossary problems: a binary file is one input problem naming it; a bad CSV row is reported on its line and the others are kept', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, ...Array.from({ length: 400 }, (_, index) => (index * 37) % 256)]);
    const folder = planFolder({
      'a.milestones.yaml': 'milestones:\n  M-1:\n    name: Ship the QQX and the QQY\n    due: 2030-01-01\n',
      'glossary.csv': 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\r\nQQW,"A runaway quote,DM,,,A\r\nQQX,A made-up thing,DM,,,A\r\nQQY,"Another, quoted",DM,,,A\r\n',
    });
    writeFileSync(join(folder, 'bytes.txt'), binary);
    const result = run(['check', '--as-of', '2021-01-01', '--glossary', 'bytes.txt', '--glossary', 'glossary.csv', '.'], folder);
    assert.equal(result.stdout, [
      'bytes.txt:1:1 error input bytes.txt is not a text file: a glossary is a CSV, YAML or TERM:definition text file, and a skip list one term a line.',
      'glossary.csv:2:1 warning glossary-file The quote opened in "QQW,"A runaway quote,DM,,,A" is not closed on its line: this row is left out, and the lines after it are read as rows (Python\'s csv would read them into this field). Close the quote, or double it ("") to mean a quote character.',
      '',
    ].join('\n'));
    assert.equal(result.status, 2, 'a glossary that is not text is an input the checker cannot read');
  });

  test('--overrides checks an overrides file beside the plans: the one in local.yaml shape has no problem, a bad one is reported on its lines', () => {
    const folder = planFolder({
      'a.milestones.yaml': readFileSync(resolve(root, 'test/fixtures/overrides/plan.milestones.yaml'), 'utf8'),
      'data/local.yaml': readFileSync(resolve(root, 'test/fixtures/overrides/local.yaml'), 'utf8'),
      'data/bad.yaml': 'DLP-552:\n  descripton: At scale.\n  due: 2021-02-30\n',
    });
    const good = run(['check', '--overrides', 'data/local.yaml', '.'], folder);
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

  test('bad usage exits 2 with one line that says what is wrong, and where the help is', () => {
    for (const [args, message] of [
      [['check', '--as-of', '2021-02-30'], '--as-of must be a date YYYY-MM-DD, not "2021-02-30".'],
      [['check', '--rule', 'nope=error'], 'Unknown rule "nope" in --rule.'],
      [['check', '--rule', 'overdue=loud'], '--rule overdue: the severity must be one of off, hint, information, warning, error, not "loud".'],
      [['check', '--format', 'xml'], '--format must be auto, text, json, sarif or github, not "xml".'],
      [['check', '--max-warnings', 'many'], '--max-warnings must be a whole number of warnings, not "many".'],
      [['check', '--max-warnings', '-1'], '--max-warnings must be a whole number of warnings, not "-1".'],
      [['check', '--bogus'], 'check has no option --bogus.'],
      [['check', '--glosary', 'g.csv'], 'check has no option --glosary: did you mean --glossary?'],
      [['check', '--format'], '--format needs a value (FORMAT).'],
      [['check', '--format', 'json', '--format', 'text'], '--format is given twice ("json" and "text"): give it once.'],
      [['check', '--help=yes'], '--help takes no value.'],
      [['export', '--as-of', '2021-01-01'], 'export has no option --as-of.'],
      [['export', '--format', 'svg'], '--format must be md, tex, dot, mermaid, mspdi or ics, not "svg".'],
      [['frobnicate'], 'there is no command "frobnicate": the commands are check, export, diff, report, burndown, trend, import, merge-driver.'],
      [[], 'which command? check, export, diff, report, burndown, trend, import, merge-driver.'],
    ] as const) {
      const result = run([...args]);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
      assert.equal(result.stderr, `milestones: ${message}\nSee \`milestones --help\`.\n`, args.join(' '));
      assert.equal(result.stdout, '');
    }
  });

  test('--help lists every command and the exit statuses; a command\'s --help its own options', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    for (const command of ['check', 'export', 'diff', 'report', 'burndown', 'import']) assert.match(help.stdout, new RegExp(`^milestones ${command}$`, 'm'));
    assert.match(help.stdout, /^Exit status:\n {2}0 {2}clean.*\n {2}1 {2}problems over that threshold.*\n {2}2 {2}bad usage, or an input that cannot be read/m);
    const check = run(['check', '-h']);
    assert.equal(check.status, 0);
    assert.match(check.stdout, /^Usage: milestones check \[options\] \[paths…\]\n/);
    assert.match(check.stdout, /^ {2}--overrides FILE +an overrides file/m);
    assert.doesNotMatch(check.stdout, /--prefix/);
  });
});

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

function jsonRows(args: string[], cwd = root): Row[] {
  return JSON.parse(run(['check', '--format', 'json', ...args], cwd).stdout) as Row[];
}

// The SARIF 2.1.0 schema (draft-04) as OASIS publishes it, shipped by @microsoft/jest-sarif. One of
// its patterns (`language`) is not valid with the u flag, hence unicodeRegExp off.
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

describe('milestones check --format sarif', () => {
  const folder = planFolder({
    'plans/a.milestones.yaml': 'milestones:\n  M-1:\n    name: Ship the QQX\n    due: 2021-02-30\n    features: [F-1, F-9]\nfeatures:\n  F-1:\n    name: x\n    due: 2022-01-01\n',
  });

  test('validates against the SARIF 2.1.0 schema', () => {
    for (const [cwd, args] of [[root, ['examples']], [folder, ['--as-of', '2021-06-01']]] as const) {
      const result = run(['check', '--format', 'sarif', ...args], cwd);
      const log = JSON.parse(result.stdout) as Log;
      const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(sarifSchema);
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.version, '2.1.0');
      assert.equal(result.stderr, '', 'stdout holds the log alone, and nothing else is said');
    }
    // The schema does reject: a result without its message, a region with line 0.
    const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(sarifSchema);
    const log = JSON.parse(run(['check', '--format', 'sarif', '--as-of', '2021-06-01'], folder).stdout) as Log;
    const result = log.runs[0]!.results![0]!;
    assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...result, message: undefined }] }] }), false);
    assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...result, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] }), false);
  });

  test('one result per problem, with its rule, level, message and region', () => {
    const rows = jsonRows(['--as-of', '2021-06-01'], folder);
    assert.deepEqual(rows.map((row) => row.code).sort(), ['invalid-date', 'unknown-acronym', 'unknown-feature'], JSON.stringify(rows));
    const result = run(['check', '--format', 'sarif', '--as-of', '2021-06-01'], folder);
    assert.equal(result.status, 1, 'errors still fail the run');
    const run0 = (JSON.parse(result.stdout) as Log).runs[0]!;
    assert.equal(run0.originalUriBaseIds!['%SRCROOT%']!.uri, `${pathToFileURL(folder).href}/`);
    const rules = run0.tool.driver.rules!;
    assert.deepEqual(
      run0.results!.map((result) => [result.ruleId, rules[result.ruleIndex!]!.id, result.level, result.message.text, result.locations![0]!.physicalLocation!.artifactLocation!.uri, result.locations![0]!.physicalLocation!.region]),
      rows.map((row) => [row.code, row.code, row.severity === 'information' ? 'note' : row.severity, row.message, 'plans/a.milestones.yaml', { startLine: row.line, startColumn: row.column, endLine: row.endLine, endColumn: row.endColumn }]),
    );
    const date = run0.results!.find((result) => result.ruleId === 'invalid-date')!;
    assert.deepEqual(date.locations![0]!.physicalLocation!.region, { startLine: 4, startColumn: 10, endLine: 4, endColumn: 20 });
  });

  test('describes every rule once, with its default level and where it is explained', () => {
    const driver = (JSON.parse(run(['check', '--format', 'sarif', 'examples']).stdout) as Log).runs[0]!.tool.driver;
    const page = readFileSync(join(root, 'docs/rules.md'), 'utf8');
    const documented = [...page.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint|off) \|/gm)].map((match) => [match[1], match[2] === 'information' || match[2] === 'hint' ? 'note' : match[2]]);
    // A rule off by default (slipped) is described and not enabled.
    assert.deepEqual(driver.rules!.map((rule) => [rule.id, rule.defaultConfiguration!.enabled === false ? 'off' : rule.defaultConfiguration!.level]), documented);
    for (const rule of driver.rules!) {
      assert.ok(rule.shortDescription!.text.length > 0 && rule.fullDescription!.text.length > rule.shortDescription!.text.length, rule.id);
      assert.equal(rule.helpUri, 'https://github.com/milestone-yaml/milestone-yaml/blob/main/docs/rules.md');
    }
    assert.match(page, /^# Checks$/m);
  });
});

describe('milestones check --format github', () => {
  test('one workflow command per problem, at its file and lines', () => {
    const rows = jsonRows(['examples']);
    const result = run(['check', '--format', 'github', 'examples']);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, rows.length);
    const kinds = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as Record<string, string>;
    lines.forEach((line, index) => {
      const row = rows[index]!;
      assert.equal(line, `::${kinds[row.severity]} file=${row.file},line=${row.line},endLine=${row.endLine},col=${row.column},endColumn=${row.endColumn},title=milestones ${row.code}::${row.message}`);
    });
    assert.match(result.stderr, /^2 plan files checked: 0 errors, 20 warnings/m);
  });

  test('escapes what would end a property or the command', () => {
    const folder = planFolder({ 'a,b: 100%.milestones.yaml': 'milestones:\n  M-1:\n    name: x\n    due: 2021-02-30\n' });
    const result = run(['check', '--format', 'github'], folder);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '::error file=a%2Cb%3A 100%25.milestones.yaml,line=4,endLine=4,col=10,endColumn=20,title=milestones invalid-date::"2021-02-30" is not a real day: February 2021 has 28 days.\n');
  });

  test('is what auto, the default, prints in GitHub Actions; elsewhere text', () => {
    const inActions = run(['check', 'examples'], root, { GITHUB_ACTIONS: 'true' });
    assert.equal(inActions.stdout, run(['check', '--format', 'github', 'examples']).stdout);
    assert.equal(run(['check', 'examples']).stdout, run(['check', '--format', 'text', 'examples']).stdout);
    assert.match(run(['check', 'examples']).stdout, /^examples\/ldm-564\.milestones\.yaml:\d+:\d+ warning /);
    assert.equal(run(['check', '--format', 'text', 'examples'], root, { GITHUB_ACTIONS: 'true' }).stdout, run(['check', 'examples']).stdout);
  });
});

describe('milestones check --max-warnings', () => {
  test('fails the run on more warnings than allowed, and says so', () => {
    assert.equal(run(['check', '--max-warnings', '20', 'examples']).status, 0);
    const over = run(['check', '--max-warnings', '19', 'examples']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /milestones: 20 warnings, more than --max-warnings 19 allows\.\n$/);
    assert.equal(run(['check', '--max-warnings', '0', '--rule', 'feature-due-after-milestone=off', '--rule', 'feature-open-in-completed-milestone=off', '--rule', 'feature-completed-after-milestone=off', 'examples']).status, 0);
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
    assert.match(run(['export', '--format', 'svg']).stderr, /--format must be md, tex, dot, mermaid, mspdi or ics, not "svg"\./);
  });
});
