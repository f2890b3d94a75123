// The plan snapshot (server/src/service/features/snapshot.ts) in memory: what the tree and the
// timeline draw — milestones in (due, ID) order, each with its feature rows and their states.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPlan } from '../helpers/cursor';

const plan = `asOf: 2021-08-11
milestones:
  LDM-503-11:
    name: Alert production
    due: 2021-12-01
    features: [DM-NCSA-8, DM-NCSA-16]
  LDM-503-05:
    name: Alert distribution validation
    due: 2018-07-17
    completed: 2018-07-17
    level: 2
    features:
      - DM-NCSA-9
      - DM-NCSA-8
      - DM-XX-1
  LDM-503-12:
    name: Nothing new
    due: 2021-12-01
features:
  DM-NCSA-9:
    name: Test instance of alert distribution
    due: 2018-05-31
    completed: 2018-05-31
  DM-NCSA-8:
    name: Alert Filtering Service
    due: 2021-07-01
  DM-NCSA-16:
    name: Later
    due: 2021-11-01
`;

const snapshot = () => openPlan(plan).service.snapshot();

describe('plan snapshot', () => {
  test('milestones in (due, ID) order, each with its state and the rows of the features it lists', () => {
    assert.deepEqual(
      snapshot().milestones.map((milestone) => [milestone.id, milestone.progress, milestone.state, milestone.features.map((row) => `${row.id}: ${row.state}`)]),
      [
        ['LDM-503-05', 'completed', 'inconsistent', ['DM-NCSA-9: completed', 'DM-NCSA-8: inconsistent', 'DM-XX-1: unknown']],
        ['LDM-503-11', 'open', 'open', ['DM-NCSA-8: overdue', 'DM-NCSA-16: open']],
        ['LDM-503-12', 'open', 'open', []],
      ],
    );
  });

  test('a feature is inconsistent only under the milestone whose date check with it failed, with that problem', () => {
    const [m05, m11] = snapshot().milestones;
    const under = (rows: NonNullable<typeof m05>['features'], id: string) => rows.find((row) => row.id === id)!.problems.map((problem) => [problem.code, problem.related ?? '']);
    assert.deepEqual(under(m05!.features, 'DM-NCSA-8'), [
      ['overdue', ''],
      ['feature-due-after-milestone', 'LDM-503-05'],
      ['feature-open-in-completed-milestone', 'LDM-503-05'],
    ]);
    assert.deepEqual(under(m11!.features, 'DM-NCSA-8'), [['overdue', '']]);
    // The feature itself is inconsistent (some check failed), by its dates overdue, and delivered by both, in the plan's order.
    const feature = snapshot().features['DM-NCSA-8']!;
    assert.deepEqual([feature.progress, feature.state, feature.parents], ['overdue', 'inconsistent', ['LDM-503-11', 'LDM-503-05']]);
  });

  test("an ID that no plan defines is an unknown row, and the milestone carries the problem", () => {
    const [m05] = snapshot().milestones;
    assert.deepEqual(m05!.features.find((row) => row.id === 'DM-XX-1'), { id: 'DM-XX-1', state: 'unknown', problems: [] });
    assert.deepEqual(
      m05!.problems.filter((problem) => problem.code === 'unknown-feature'),
      [{ code: 'unknown-feature', severity: 'error', message: 'LDM-503-05 lists DM-XX-1, which no plan defines.' }],
    );
    assert.equal(snapshot().features['DM-XX-1'], undefined);
  });

  test('dates, level and where each item is', () => {
    const { milestones, features } = snapshot();
    const { location, ...m05 } = milestones[0]!;
    assert.deepEqual([m05.name, m05.due, m05.completed, m05.level], ['Alert distribution validation', '2018-07-17', '2018-07-17', 2]);
    assert.deepEqual(location, { uri: 'file:///plans/a.milestones.yaml', range: { start: { line: 6, character: 2 }, end: { line: 6, character: 12 } } });
    assert.deepEqual([features['DM-NCSA-16']!.due, features['DM-NCSA-16']!.completed, features['DM-NCSA-16']!.location.range.start], ['2021-11-01', null, { line: 26, character: 2 }]);
  });

  test('each item with its forecast, or null without one', () => {
    const { service } = openPlan(plan.replace('    due: 2021-12-01\n    features: [DM-NCSA-8, DM-NCSA-16]', '    due: 2021-12-01\n    forecast: 2022-02-01\n    features: [DM-NCSA-8, DM-NCSA-16]'));
    const { milestones, features } = service.snapshot();
    assert.deepEqual(milestones.map((milestone) => [milestone.id, milestone.forecast]), [['LDM-503-05', null], ['LDM-503-11', '2022-02-01'], ['LDM-503-12', null]]);
    assert.equal(features['DM-NCSA-8']!.forecast, null);
  });

  test('the problems of the plan counted by severity, and the asOf they are judged against', () => {
    const { problemCounts, asOf } = snapshot();
    // unknown-feature; two pair checks; DM-NCSA-8 overdue.
    assert.deepEqual(problemCounts, { error: 1, warning: 2, information: 1, hint: 0 });
    assert.equal(asOf, '2021-08-11');
  });
});

describe('predecessor links in the snapshot', () => {
  test('each item with its known predecessors, the worst failed check on each link, and the driving one', () => {
    const { service } = openPlan(`asOf: 2021-08-11
milestones:
  M-1:
    name: One
    due: 2021-03-01
  M-2:
    name: Two
    due: 2021-02-01
    predecessors: [M-1, F-1, X-9]
features:
  F-1:
    name: Feature
    due: 2021-01-01
    completed: 2021-01-01
    predecessors:
      - M-1
`);
    const { milestones, features } = service.snapshot();
    const m2 = milestones.find((milestone) => milestone.id === 'M-2')!;
    assert.deepEqual(m2.links, { predecessors: [{ id: 'M-1', worst: 'warning' }, { id: 'F-1', worst: null }], driving: 'M-1' });
    assert.deepEqual(features['F-1']!.links, { predecessors: [{ id: 'M-1', worst: 'warning' }], driving: 'M-1' });
    assert.deepEqual(milestones.find((milestone) => milestone.id === 'M-1')!.links, { predecessors: [], driving: null });
  });
});

describe('float in the snapshot', () => {
  test('each item with its float, late date, what limits it, the step its limit comes through, and whether it is critical', () => {
    const chained = `milestones:
  A:
    name: a
    due: 2022-06-01
    features: [F-1]
  B:
    name: b
    due: 2022-09-01
    predecessors: [A]
features:
  F-1:
    name: one
    due: 2022-05-01
    completed: 2022-04-01
  F-2:
    name: two
    due: 2022-05-01
`;
    const taken = openPlan(chained, { settings: { criticalFloatDays: 92 } }).service.snapshot();
    assert.deepEqual(
      taken.milestones.map((milestone) => [milestone.id, milestone.float]),
      [
        ['A', { days: 92, late: '2022-09-01', limitedBy: 'B', via: 'B', critical: true, text: '92 days · critical — limited by B, due 2022-09-01' }],
        ['B', { days: 0, late: '2022-09-01', limitedBy: 'B', via: null, critical: true, text: '0 days · critical — it ends its chain: nothing open and dated waits for it' }],
      ],
    );
    assert.deepEqual(taken.features['F-1']!.float, { days: null, late: null, limitedBy: null, via: null, critical: false, text: 'none — it is completed' });
    assert.deepEqual(taken.features['F-2']!.float, { days: null, late: null, limitedBy: null, via: null, critical: false, text: 'unlimited — nothing dated waits for it' });
  });
});
