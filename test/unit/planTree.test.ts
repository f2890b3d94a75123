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
