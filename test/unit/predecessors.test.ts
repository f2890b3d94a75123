// The `predecessors` field and its checks on in-memory plans: the list read in block and flow form,
// the four rules with the exact text each problem covers, silencing, and the checks brought up to
// date after edits as they would be by a fresh analysis.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService } from '../../server/src/service';
import { check, codes, describeProblems, workspaceOf } from '../helpers/plans';

const plan = `asOf: 2021-08-11
milestones:
  LDM-503-01:
    name: Science Platform with WISE data in PDAC
    due: 2017-07-31
    completed: 2017-08-01
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    completed: 2017-12-01
    predecessors:
      - LDM-503-01   # the platform comes first
      - DM-AP-1
features:
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2017-11-01
    completed: 2017-11-01
    predecessors: [LDM-503-01]
`;

const summary = (found: ReturnType<typeof check>) => found.map((problem) => [problem.code, problem.text, problem.line]);

describe('the predecessors field', () => {
  test('a consistent plan with block and flow lists has no problems', () => {
    assert.deepEqual(check(plan).filter((problem) => problem.code !== 'unused-feature'), []);
  });
  test('is read on milestones and features, with the spans of the IDs', () => {
    const workspace = workspaceOf({ 'a.milestones.yaml': plan });
    const file = workspace.getFile('file:///plans/a.milestones.yaml')!;
    const describe = (id: string) => {
      const item = [...file.milestones, ...file.features].find((candidate) => candidate.id === id)!;
      return item.predecessorReferences.map((reference) => [reference.id, file.text.slice(reference.span.start, reference.span.end)]);
    };
    assert.deepEqual(describe('LDM-503-02'), [['LDM-503-01', 'LDM-503-01'], ['DM-AP-1', 'DM-AP-1']]);
    assert.deepEqual(describe('DM-AP-1'), [['LDM-503-01', 'LDM-503-01']]);
    assert.deepEqual(describe('LDM-503-01'), []);
  });
  test('the index knows the successors of an ID', () => {
    const workspace = workspaceOf({ 'a.milestones.yaml': plan });
    const { index } = workspace.analyze();
    assert.deepEqual(index.successors('LDM-503-01').map((item) => item.id), ['LDM-503-02', 'DM-AP-1']);
    assert.deepEqual(index.successors('LDM-503-02'), []);
  });
  test('a key of the schema: no schema problem, and a list of IDs is required', () => {
    assert.deepEqual(codes(check(plan), 'schema'), []);
    const found = codes(check(plan.replace('predecessors: [LDM-503-01]', 'predecessors: LDM-503-01')), 'schema');
    assert.equal(found.length, 1);
  });
});

describe('predecessor-due-after', () => {
  test('on the predecessor in the list, with both dates', () => {
    const found = codes(check(plan.replace('    due: 2017-07-31', '    due: 2018-01-15')), 'predecessor-due-after');
    assert.deepEqual(summary(found), [
      ['predecessor-due-after', 'LDM-503-01', 12],
      ['predecessor-due-after', 'LDM-503-01', 19],
    ]);
    assert.equal(found[0]!.message, 'LDM-503-02 is due 2017-12-01, before its predecessor LDM-503-01 (due 2018-01-15).');
    assert.equal(found[0]!.severity, 'warning');
  });
  test('silenced by the disable comment', () => {
    const text = plan.replace('    due: 2017-07-31', '    due: 2018-01-15').replace('      - LDM-503-01', '      # milestones-disable-next-line predecessor-due-after\n      - LDM-503-01');
    assert.deepEqual(summary(codes(check(text), 'predecessor-due-after')), [['predecessor-due-after', 'LDM-503-01', 20]]);
  });
  test('set off in the settings', () => {
    const text = plan.replace('    due: 2017-07-31', '    due: 2018-01-15');
    assert.deepEqual(codes(check(text, { rules: { 'predecessor-due-after': 'off' } }), 'predecessor-due-after'), []);
  });
});

describe('predecessor-due-after with forecasts', () => {
  const linked = (predecessorDates: string, itemDates: string) => `asOf: 2021-08-11
milestones:
  M-1:
    name: First
${predecessorDates}  M-2:
    name: Second
${itemDates}    predecessors: [M-1]
`;
  test("the predecessor's forecast counts, and the message says it was used", () => {
    const found = codes(check(linked('    due: 2021-09-01\n    forecast: 2021-12-15\n', '    due: 2021-12-01\n')), 'predecessor-due-after');
    assert.deepEqual(found.map((problem) => [problem.text, problem.message]), [['M-1', 'M-2 is due 2021-12-01, before its predecessor M-1 (forecast 2021-12-15).']]);
  });
  test("the item's own forecast counts too: forecast after its predecessor's, no problem", () => {
    assert.deepEqual(codes(check(linked('    due: 2021-12-15\n', '    due: 2021-12-01\n    forecast: 2022-01-10\n')), 'predecessor-due-after'), []);
    const found = codes(check(linked('    due: 2021-09-01\n', '    due: 2021-12-01\n    forecast: 2021-08-20\n')), 'predecessor-due-after');
    assert.deepEqual(found.map((problem) => problem.message), ['M-2 is forecast 2021-08-20, before its predecessor M-1 (due 2021-09-01).']);
  });
});

describe('predecessor-open', () => {
  test('a completed item whose predecessor is not', () => {
    const found = codes(check(plan.replace('    completed: 2017-08-01\n', '')), 'predecessor-open');
    assert.deepEqual(summary(found), [
      ['predecessor-open', 'LDM-503-01', 11],
      ['predecessor-open', 'LDM-503-01', 18],
    ]);
    assert.equal(found[0]!.message, 'LDM-503-02 was completed 2017-12-01, but its predecessor LDM-503-01 (due 2017-07-31) is not completed.');
  });
});

describe('unknown-predecessor', () => {
  test('an ID no plan defines, with a suggestion among milestones and features', () => {
    const found = codes(check(plan.replace('      - DM-AP-1', '      - DM-AP-l')), 'unknown-predecessor');
    assert.deepEqual(summary(found), [['unknown-predecessor', 'DM-AP-l', 13]]);
    assert.equal(found[0]!.message, 'LDM-503-02 names DM-AP-l as a predecessor, which no plan defines: did you mean DM-AP-1?');
    assert.equal(found[0]!.severity, 'error');
    const milestone = codes(check(plan.replace('[LDM-503-01]', '[LDM-503-0l]')), 'unknown-predecessor');
    assert.match(milestone[0]!.message, /did you mean LDM-503-01\?/);
  });
  test('defined in another file is known', () => {
    const workspace = workspaceOf(
      { 'a.milestones.yaml': plan.replace('      - DM-AP-1', '      - DM-X-1'), 'b.milestones.yaml': 'features:\n  DM-X-1:\n    name: x\n    due: 2017-01-01\n    completed: 2017-01-01\n' },
      { asOf: '2021-08-11' },
    );
    assert.deepEqual(codes(describeProblems(workspace, 'a.milestones.yaml'), 'unknown-predecessor'), []);
  });
});

const cycle = `asOf: 2021-08-11
milestones:
  A:
    name: a
    due: 2021-01-01
    predecessors: [C]
  B:
    name: b
    due: 2021-01-01
    predecessors: [A]
  C:
    name: c
    due: 2021-01-01
    predecessors:
      - B
`;

describe('dependency-cycle', () => {
  test('on each link of the cycle, the message naming the whole cycle', () => {
    const found = codes(check(cycle), 'dependency-cycle');
    assert.deepEqual(summary(found), [
      ['dependency-cycle', 'C', 6],
      ['dependency-cycle', 'A', 10],
      ['dependency-cycle', 'B', 15],
    ]);
    assert.equal(found[0]!.message, 'Dependency cycle: C → A → B → C (each must be done before the next); remove one of these links.');
    assert.equal(found[1]!.message, 'Dependency cycle: A → B → C → A (each must be done before the next); remove one of these links.');
    assert.equal(found[0]!.severity, 'error');
  });
  test('an item that names itself', () => {
    const found = codes(check(cycle.replace('predecessors: [A]', 'predecessors: [B]')), 'dependency-cycle');
    assert.deepEqual(summary(found), [['dependency-cycle', 'B', 10]]);
    assert.match(found[0]!.message, /Dependency cycle: B → B/);
  });
  test('links off the cycle are not on it', () => {
    const text = cycle + '  D:\n    name: d\n    due: 2021-02-01\n    predecessors: [A]\n';
    assert.deepEqual(codes(check(text), 'dependency-cycle').map((problem) => problem.line), [6, 10, 15]);
  });
});

describe('after edits', () => {
  test('the checks are those a fresh analysis finds', () => {
    const uri = 'file:///plans/a.milestones.yaml';
    const service = createPlanService();
    service.setSettings({ asOf: '2021-08-11' });
    const steps = [
      cycle,
      cycle.replace('predecessors: [A]', 'predecessors: []'),
      cycle.replace('predecessors: [A]', 'predecessors: [A, X]'),
      cycle.replace('predecessors: [A]', 'predecessors: [A, X]') + '  X:\n    name: x\n    due: 2022-01-01\n',
      cycle.replace('    due: 2021-01-01\n    predecessors: [A]', '    due: 2020-01-01\n    completed: 2020-01-01\n    predecessors: [A]'),
      cycle.replace('  C:\n    name: c', '  D:\n    name: c'),
      cycle,
      cycle.replace('predecessors: [C]', 'predecessors: []').replace('predecessors: [A]', 'predecessors: []').replace('predecessors:\n      - B', 'predecessors: []'),
      cycle,
      cycle.replace('predecessors: [C]', 'predecessors: [C, B]'),
    ];
    for (const text of steps) {
      service.setFile(uri, text);
      const fresh = createPlanService();
      fresh.setSettings({ asOf: '2021-08-11' });
      fresh.setFile(uri, text);
      assert.deepEqual(service.problems(uri), fresh.problems(uri), text);
    }
  });
  test('a predecessor in another file: its date change is seen by the item', () => {
    const other = 'file:///plans/b.milestones.yaml';
    const workspace = workspaceOf({ 'a.milestones.yaml': plan, 'b.milestones.yaml': '' }, { asOf: '2021-08-11' });
    assert.deepEqual(codes(describeProblems(workspace, 'a.milestones.yaml'), 'predecessor-due-after'), []);
    workspace.setFile(other, 'features:\n  DM-AP-1:\n    name: again\n    due: 2019-01-01\n');
    workspace.setFile(other, '');
    workspace.setFile('file:///plans/a.milestones.yaml', plan.replace('    due: 2017-07-31', '    due: 2017-12-31'));
    assert.deepEqual(summary(codes(describeProblems(workspace, 'a.milestones.yaml'), 'predecessor-due-after')), [
      ['predecessor-due-after', 'LDM-503-01', 12],
      ['predecessor-due-after', 'LDM-503-01', 19],
    ]);
  });
});
