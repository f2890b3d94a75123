// The segmented parse: how plans are split, when they are parsed whole, and that the segmented,
// incremental analysis finds exactly what a whole parse of the same text finds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { splitSegments } from '../../server/src/service/yaml/segments';
import { createPlanService, type PlanService } from '../../server/src/service';

const plan = `# a plan
document: LDM-564
milestones:
  # the first
  M-1:
    name: One
    due: 2021-01-01
    features: [F-1]

  M-2:
    name: Two
    description: |
      Several lines
      # not a comment
    due: 2021-02-01
features:
  F-1:
    name: Feature
    due: 2020-01-01
`;

describe('splitSegments', () => {
  test('splits top-level keys and the entries of block maps', () => {
    const bounds = splitSegments(plan)!;
    assert.deepEqual(
      bounds.map((bound) => [bound.section ?? '', plan.slice(bound.start, bound.end).split('\n')[0]]),
      [
        ['', '# a plan'],
        ['', 'document: LDM-564'],
        ['', 'milestones:'],
        ['milestones', '  M-1:'],
        ['milestones', '  M-2:'],
        ['', 'features:'],
        ['features', '  F-1:'],
      ],
    );
    assert.equal(bounds.at(-1)!.end, plan.length);
    for (let index = 1; index < bounds.length; index++) assert.equal(bounds[index]!.start, bounds[index - 1]!.end);
  });
  test('CRLF line ends', () => {
    const crlf = plan.replace(/\n/g, '\r\n');
    assert.equal(splitSegments(crlf)!.length, 7);
  });
  test('a key being typed starts a segment of its own, so its error stays there', () => {
    const text = 'milestones:\n  M-1:\n    name: x\n  M-2x\n  M-3:\n    name: y\nfeatu\n';
    const bounds = splitSegments(text)!;
    assert.deepEqual(bounds.map((bound) => text.slice(bound.start, bound.end).split('\n')[0]), ['milestones:', '  M-1:', '  M-2x', '  M-3:', 'featu']);
  });
  test('a line that starts with the value indicator keeps the file whole, as its key is on the line above', () => {
    // The `yaml` package reads `acronyms` and ` :` on the next line as one key: a cut between them would invent an error.
    for (const text of ['a: 1\nacronyms\n :\n  HSC: x\n', 'a: 1\nacronyms\r\n :\n  HSC: x\n']) {
      assert.equal(splitSegments(text), undefined, JSON.stringify(text));
      const segmented = createPlanService();
      segmented.setFile('file:///a.milestones.yaml', text);
      assert.ok(!segmented.problems('file:///a.milestones.yaml').some((problem) => problem.code === 'yaml-syntax'), JSON.stringify(text));
    }
  });
  test('a sequence at the entries\' indentation stays with the entry above', () => {
    const text = 'milestones:\n  M-1:\n  - a\n  M-2:\n    name: y\n';
    assert.deepEqual(splitSegments(text)!.map((bound) => text.slice(bound.start, bound.end)), ['milestones:\n', '  M-1:\n  - a\n', '  M-2:\n    name: y\n']);
  });
  test('a quoted top-level key keeps its block whole', () => {
    const text = '"milestones":\n  M-1: {}\n';
    assert.deepEqual(splitSegments(text)!.map((bound) => [bound.section, bound.start, bound.end]), [[undefined, 0, text.length]]);
  });
  for (const [what, text] of [
    ['a top-level sequence', '- a\n- b\n'],
    ['a flow map at the top', '{milestones: {}}\n'],
    ['a document marker', '---\nmilestones:\n  M-1: {}\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an entry less indented than the first', 'milestones:\n    M-1: {}\n  M-2: {}\n'],
  ] as const) {
    test(`parses whole: ${what}`, () => assert.equal(splitSegments(text), undefined));
  }
});

function problemsOf(workspace: PlanService, uri: string) {
  return workspace.problems(uri).map((problem) => ({ code: problem.code, start: problem.start, end: problem.end, message: problem.message }));
}

function compare(text: string): void {
  const uri = 'file:///p/a.milestones.yaml';
  const segmented = createPlanService();
  const whole = createPlanService({ segmented: false });
  for (const workspace of [segmented, whole]) {
    workspace.setSettings({ asOf: '2021-08-11' });
    workspace.setFile(uri, text);
  }
  const withoutSyntaxMessages = (problems: ReturnType<typeof problemsOf>) => problems.map((problem) => (problem.code === 'yaml-syntax' ? { ...problem, message: '' } : problem));
  assert.deepEqual(withoutSyntaxMessages(problemsOf(segmented, uri)), withoutSyntaxMessages(problemsOf(whole, uri)));
}

describe('the segmented analysis equals a whole parse', () => {
  const example = readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8');
  test('on the example plan', () => compare(example));
  test('on plans with schema and semantic problems', () => {
    compare(plan.replace('due: 2021-01-01', 'due: 2021-01-32'));
    compare(plan.replace('  F-1:\n', '  F-1:\n  F-1:\n'));
    compare(plan.replace('    due: 2020-01-01', '    due: 2020-01-01\n    complted: 2020-01-02'));
    compare(plan.replace('features: [F-1]', 'features: [F-1, F-2]'));
  });
  test('a syntax error stays in its entry, where a whole parse would lose the rest of the file', () => {
    const uri = 'file:///p/a.milestones.yaml';
    for (const broken of [plan.replace('    name: Two', '    name: "Two'), plan.replace('features: [F-1]', 'features: [F-1, F-2')]) {
      const workspace = createPlanService();
      workspace.setSettings({ asOf: '2021-08-11' });
      workspace.setFile(uri, broken);
      const problems = workspace.problems(uri);
      const syntax = problems.filter((problem) => problem.code === 'yaml-syntax');
      assert.ok(syntax.length > 0);
      const entry = { start: broken.indexOf(broken.includes('"Two') ? '  M-2:' : '  M-1:'), end: broken.indexOf(broken.includes('"Two') ? 'features:\n' : '  M-2:') };
      for (const problem of syntax) assert.ok(problem.start >= entry.start && problem.end <= entry.end, JSON.stringify(problem));
      // F-1, defined after the broken entry, is still known and checked.
      assert.ok(!problems.some((problem) => problem.code === 'unknown-feature' && problem.message.startsWith('M-1 lists F-1,')));
      assert.ok(problems.some((problem) => problem.code === 'overdue' && problem.message.startsWith('Feature F-1')));
    }
  });
  test('after a sequence of edits, the incremental analysis equals a fresh one', () => {
    const uri = 'file:///p/a.milestones.yaml';
    const incremental = createPlanService();
    incremental.setSettings({ asOf: '2021-08-11' });
    let text = example;
    incremental.setFile(uri, text);
    incremental.problems(uri);
    const edits: [string, string][] = [
      ['due: 2017-12-01', 'due: 2017-12-0'],
      ['due: 2017-12-0', 'due: 2017-12-02'],
      ['    name: HSC reprocessing', '    name: HSC reprocessing for DP0'],
      ['      - DM-AP-1\n', ''],
      ['features:\n', 'features:\n  NEW-1:\n    name: New\n    due: 2030-01-01\n'],
    ];
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      incremental.setFile(uri, text);
      const fresh = createPlanService();
      fresh.setSettings({ asOf: '2021-08-11' });
      fresh.setFile(uri, text);
      assert.deepEqual(problemsOf(incremental, uri), problemsOf(fresh, uri));
    }
  });
});

describe('re-parsing around an edit', () => {
  const example = readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8');
  test('any edit, typed or pasted, gives what a fresh analysis of the new text gives', () => {
    const uri = 'file:///p/a.milestones.yaml';
    const incremental = createPlanService();
    incremental.setSettings({ asOf: '2021-08-11' });
    let text = example;
    incremental.setFile(uri, text);
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 20210811;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pieces = ['x', '\n', '  ', '\n  NEW-1:\n    name: n\n    due: 2020-01-01\n', ': ', '"', '- DM-AP-1\n', '#', '\n      - DM-AP-9'];
    for (let step = 0; step < 300; step++) {
      const start = Math.floor(random() * text.length);
      const end = random() < 0.5 ? start : Math.min(text.length, start + Math.floor(random() * 40));
      const inserted = random() < 0.3 ? '' : pieces[Math.floor(random() * pieces.length)]!;
      const edit = { start, end, text: inserted };
      text = text.slice(0, start) + inserted + text.slice(end);
      incremental.setFile(uri, text, edit);
      if (step % 10 !== 0 && step !== 299) continue;
      const fresh = createPlanService();
      fresh.setSettings({ asOf: '2021-08-11' });
      fresh.setFile(uri, text);
      assert.deepEqual(problemsOf(incremental, uri), problemsOf(fresh, uri), `after step ${step}`);
    }
  });
});

/** A service as of 2021-08-11 with the given files. */
function serviceOf(files: Record<string, string>): PlanService {
  const service = createPlanService();
  service.setSettings({ asOf: '2021-08-11' });
  for (const [uri, text] of Object.entries(files)) service.setFile(uri, text);
  return service;
}

/** Replaces `from` by `to` in one of the files, in the incremental service and in `files`; every file's problems then equal a fresh analysis's. */
function editAndCompare(incremental: PlanService, files: Record<string, string>, uri: string, from: string, to: string): void {
  const text = files[uri]!;
  const start = text.indexOf(from);
  assert.ok(start >= 0, from);
  files[uri] = text.slice(0, start) + to + text.slice(start + from.length);
  incremental.setFile(uri, files[uri], { start, end: start + from.length, text: to });
  const fresh = serviceOf(files);
  for (const name of Object.keys(files)) assert.deepEqual(problemsOf(incremental, name), problemsOf(fresh, name), `${from} → ${to} in ${name}`);
}

describe('the incremental analysis across files', () => {
  test('edits in one file re-check the items of another that depend on them', () => {
    const releases = 'asOf: 2021-08-11\nmilestones:\n  M-0:\n    name: Zero\n    due: 2020-01-01\n    completed: 2020-01-01\n  M-1:\n    name: One\n    due: 2020-06-01\n    completed: 2020-06-01\n    features:\n      - F-1\n      - F-2\n  M-2:\n    name: Two\n    due: 2022-01-01\n';
    const features = 'features:\n  F-0:\n    name: Zero\n    due: 2019-01-01\n    completed: 2019-01-01\n  F-1:\n    name: One\n    due: 2020-05-01\n    completed: 2020-05-01\n  F-2:\n    name: Two\n    due: 2020-05-01\n    completed: 2020-05-01\n';
    const files: Record<string, string> = { 'file:///p/r.milestones.yaml': releases, 'file:///p/f.milestones.yaml': features };
    const incremental = serviceOf(files);
    const edits: [string, string, string][] = [
      ['file:///p/f.milestones.yaml', '    due: 2020-05-01\n    completed: 2020-05-01\n  F-2', '    due: 2020-07-01\n    completed: 2020-05-01\n  F-2'],
      ['file:///p/f.milestones.yaml', '  F-2:', '  F-3:'],
      ['file:///p/r.milestones.yaml', '      - F-2\n', '      - F-3\n'],
      ['file:///p/f.milestones.yaml', '  F-0:', '  M-2:'],
      ['file:///p/r.milestones.yaml', '    completed: 2020-06-01\n', ''],
      ['file:///p/f.milestones.yaml', '  M-2:', '  F-0:'],
    ];
    for (const [uri, from, to] of edits) editAndCompare(incremental, files, uri, from, to);
  });
});

describe('"did you mean" after edits elsewhere in the workspace', () => {
  test('the suggestion for an unknown ID follows close IDs as they are defined, renamed and removed in another file', () => {
    const releases = 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: One\n    due: 2022-01-01\n    features: [DM-NCAS-8, DM-AP-1]\n  M-2:\n    name: Two\n    due: 2022-01-01\n    features: [XQ-77]\n';
    const features = 'features:\n  DM-NCSA-18:\n    name: Far\n    due: 2021-01-01\n  DM-AP-1:\n    name: AP\n    due: 2021-01-01\n';
    const files: Record<string, string> = { 'file:///p/r.milestones.yaml': releases, 'file:///p/f.milestones.yaml': features };
    const incremental = serviceOf(files);
    const suggestion = () => /did you mean ([^?]+)\?/.exec(incremental.problems('file:///p/r.milestones.yaml').find((problem) => problem.message.startsWith('M-1 lists DM-NCAS-8'))!.message)?.[1];
    assert.equal(suggestion(), 'DM-NCSA-18');
    // Each edit in the features file, and the suggestion it leaves for DM-NCAS-8.
    const edits: [string, string, string | undefined][] = [
      ['  DM-AP-1:', '  DM-NCSA-8:\n    name: Close\n    due: 2021-01-01\n  DM-AP-1:', 'DM-NCSA-8'], // a closer ID is defined
      ['    name: AP', '    name: AP, renamed', 'DM-NCSA-8'], // an edit that adds and removes no ID
      ['  DM-NCSA-8:', '  DM-NCSA-9:', 'DM-NCSA-9'], // the close ID renamed: still one character away
      ['  DM-NCSA-9:\n    name: Close\n    due: 2021-01-01\n', '', 'DM-NCSA-18'], // and removed
      ['  DM-NCSA-18:', '  QQ-1:', undefined], // the last close ID renamed far away
      ['  QQ-1:', '  DM-NCAS-8:', undefined], // the unknown ID itself defined: no longer unknown
    ];
    for (const [from, to, expected] of edits) {
      editAndCompare(incremental, files, 'file:///p/f.milestones.yaml', from, to);
      const unknown = incremental.problems('file:///p/r.milestones.yaml').some((problem) => problem.message.startsWith('M-1 lists DM-NCAS-8'));
      if (from === '  QQ-1:') assert.equal(unknown, false);
      else assert.equal(suggestion(), expected, `${from} → ${to}`);
    }
  });
});

describe('identical entries (a pasted copy)', () => {
  test('editing one of two identical entries leaves no trace of its old text in the model', () => {
    const uri = 'file:///p/a.milestones.yaml';
    const entry = '  X-1:\n    name: x\n    due: 2020-01-01\n';
    let text = `asOf: 2021-08-11\nmilestones:\n  A-0: {name: a, due: 2020-01-01}\n  A-1: {name: a, due: 2020-01-01}\n${entry}${entry}  B-1: {name: b, due: 2020-01-01}\n`;
    const incremental = createPlanService();
    incremental.setSettings({ asOf: '2021-08-11' });
    incremental.setFile(uri, text);
    assert.equal(problemsOf(incremental, uri).filter((problem) => problem.code === 'duplicate-id').length, 2);
    const start = text.indexOf('X-1');
    text = `${text.slice(0, start)}Y-1${text.slice(start + 3)}`;
    incremental.setFile(uri, text, { start, end: start + 3, text: 'Y-1' });
    const fresh = createPlanService();
    fresh.setSettings({ asOf: '2021-08-11' });
    fresh.setFile(uri, text);
    assert.deepEqual(problemsOf(incremental, uri), problemsOf(fresh, uri));
    assert.deepEqual(problemsOf(incremental, uri).filter((problem) => problem.code === 'duplicate-id'), []);
  });
});
