// The tree view's items, built from the snapshot of the example plan: order, states, icons,
// tooltips that name problems, the "only problems" filter, the badge and the status bar text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { planTree, problemBadge, statusText, statusTooltip } from '../../client/src/tree/planTree';
import { createPlanService } from '../../server/src/service';

const workspace = createPlanService();
workspace.setFile('file:///examples/ldm-564.milestones.yaml', readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8'));
const snapshot = workspace.snapshot();

describe('plan tree', () => {
  const tree = planTree(snapshot);
  test('35 milestones in (due, ID) order, with their features beneath', () => {
    assert.equal(tree.length, 35);
    assert.deepEqual(tree.slice(0, 3).map((item) => item.id), ['LDM-503-02', 'LDM-503-03', 'LDM-503-01']);
    assert.deepEqual(tree.find((item) => item.id === 'LDM-503-05')!.children.map((child) => child.id), ['DM-NCSA-9', 'DM-NCSA-8']);
    assert.equal(tree.reduce((rows, item) => rows + item.children.length, 0), 88);
  });
  test('states, icons and tooltips that name the problem', () => {
    const m05 = tree.find((item) => item.id === 'LDM-503-05')!;
    assert.equal(m05.state, 'inconsistent');
    assert.equal(m05.icon.id, 'warning');
    const ncsa8 = m05.children.find((child) => child.id === 'DM-NCSA-8')!;
    assert.equal(ncsa8.state, 'inconsistent');
    assert.match(ncsa8.tooltip, /DM-NCSA-8 is due 2021-07-01, after LDM-503-05 \(due 2018-07-17\)\. \(feature-due-after-milestone\)/);
    assert.equal(ncsa8.description, 'Alert Filtering Service receives alert streams · due 2021-07-01');
    // The same feature under a consistent milestone is not marked inconsistent there.
    const m11a = tree.find((item) => item.id === 'LDM-503-11a')!;
    assert.equal(m11a.children.find((child) => child.id === 'DM-NCSA-16')!.state, 'completed');
    assert.equal(tree.find((item) => item.id === 'LDM-503-02')!.state, 'completed');
    assert.equal(tree.find((item) => item.id === 'LDM-503-11')!.state, 'overdue');
    assert.equal(tree.find((item) => item.id === 'LDM-503-17')!.state, 'open');
  });
  test('only items with problems', () => {
    const filtered = planTree(snapshot, { onlyProblems: true });
    assert.deepEqual(filtered.map((item) => item.id).filter((id) => ['LDM-503-05', 'LDM-503-09', 'LDM-503-02'].includes(id)), ['LDM-503-05', 'LDM-503-09']);
    assert.deepEqual(filtered.find((item) => item.id === 'LDM-503-05')!.children.map((child) => child.id), ['DM-NCSA-9', 'DM-NCSA-8']);
  });
  test('badge and status bar', () => {
    assert.deepEqual(problemBadge(snapshot), { value: 20, tooltip: '0 errors, 20 warnings, 14 information' });
    assert.equal(statusText(snapshot), '$(milestone) $(error) 0 $(warning) 20 $(info) 14');
    assert.equal(statusTooltip(snapshot), 'Milestone plan: 0 errors, 20 warnings, 14 information. Click to open the plan.');
  });
  test('the status bar counts the problems of the glossary files and names them', () => {
    const glossary = [{ name: 'glossarydefs.csv', count: 2 }, { name: 'bytes.txt', count: 1 }];
    assert.equal(statusText(snapshot, glossary), '$(milestone) $(error) 0 $(warning) 20 $(info) 14 $(book) 3');
    assert.equal(
      statusTooltip(snapshot, glossary),
      'Milestone plan: 0 errors, 20 warnings, 14 information. Glossary files that do not read as they should: glossarydefs.csv (2 problems), bytes.txt (1 problem). Click to see them in the Problems panel.',
    );
  });
});

describe('plan tree by float', () => {
  const plan = createPlanService();
  plan.setSettings({ criticalFloatDays: 10, asOf: '2022-01-01' });
  plan.setFile(
    'file:///plans/float.milestones.yaml',
    `milestones:
  A:
    name: a
    due: 2022-06-01
    features: [F-1, F-2]
  B:
    name: b
    due: 2022-09-01
    predecessors: [A]
    features: [F-3]
  C:
    name: c
    due: 2022-03-01
    completed: 2022-03-01
features:
  F-1:
    name: one
    due: 2022-05-27
  F-2:
    name: two
    due: 2022-05-01
  F-3:
    name: three
    due: 2022-08-25
`,
  );
  // B ends the chain: A has 92 days, F-1 97, F-2 123, F-3 7 (critical with 10), B 0; C is completed.
  const floatSnapshot = plan.snapshot();
  const shape = (items: ReturnType<typeof planTree>) => items.map((item) => [item.id, item.float, ...item.children.map((child) => `${child.id}:${child.float}`)]);

  test('sorted by float, least first, milestones and the features beneath each; those without float last', () => {
    assert.deepEqual(shape(planTree(floatSnapshot, { onlyProblems: false, sort: 'float' })), [
      ['B', 0, 'F-3:7'],
      ['A', 92, 'F-1:97', 'F-2:123'],
      ['C', null],
    ]);
    const b = planTree(floatSnapshot, { onlyProblems: false, sort: 'float' })[0]!;
    assert.equal(b.description, 'B · due 2022-09-01 · critical, float 0 d');
    assert.match(b.tooltip, /\nFloat: 0 days · critical — it ends its chain: nothing open and dated waits for it$/);
  });

  test('only the critical items, or those with float under N days; a milestone stays for features it keeps', () => {
    assert.deepEqual(shape(planTree(floatSnapshot, { onlyProblems: false, float: { kind: 'critical' } })), [['B', 0, 'F-3:7']]);
    assert.deepEqual(shape(planTree(floatSnapshot, { onlyProblems: false, float: { kind: 'under', days: 100 } })), [
      ['A', 92, 'F-1:97'],
      ['B', 0, 'F-3:7'],
    ]);
    assert.deepEqual(shape(planTree(floatSnapshot, { onlyProblems: false, float: { kind: 'under', days: 5 } })), [['B', 0]]);
  });

  test('in due order without a float filter, descriptions say nothing of float', () => {
    assert.equal(planTree(floatSnapshot)[1]!.description, 'A · due 2022-06-01');
  });
});
