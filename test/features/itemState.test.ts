// One state for an item everywhere (server/src/service/model/itemState.ts): a milestone and a
// feature whose completion dates are written but are not dates are completed — an `invalid-date`
// error, not overdue — in the diagnostics, the hover, the inlay hints and code lenses, the
// snapshot, the plan tree and the timeline's rows. An open feature past its due date is the
// contrast: overdue in every one of them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planTree, stateIcons } from '../../client/src/tree/planTree';
import { buildGroups, parseDay, slipOf } from '../../webview/src/model';
import { atCursor, covered, openPlan, placeCursor } from '../helpers/cursor';

const plan = `asOf: 2021-08-11
milestones:
  M-1:
    name: Alert distribution validation
    due: 2020-06-01
    completed: 2020-13-45
    features:
      - F-1
  M-2:
    name: Alert production
    due: 2022-01-01
    features:
      - F-2
features:
  F-1:
    name: Alert Filtering Service
    due: 2020-05-01
    completed: 2020-02-30
  F-2:
    name: Alert stream at scale
    due: 2021-01-01
`;

/** The line of the hover at the cursor (`marked`, a piece of the plan with `|`) that gives the due date and state. */
function hoverState(marked: string): string {
  const { service, uri, offset } = atCursor(placeCursor(plan, marked));
  return /^Due .*$/m.exec(service.hover(uri, offset)!.markdown)![0];
}

describe('an item with an invalid completion date is completed in every view', () => {
  const { service, uri } = openPlan(plan);

  test('diagnostics: an invalid-date error on each date, and overdue only for the open feature', () => {
    assert.deepEqual(
      service.problems(uri).map((problem) => [problem.code, problem.severity, covered(service, uri, problem)]),
      [
        ['invalid-date', 'error', '2020-13-45'],
        ['invalid-date', 'error', '2020-02-30'],
        ['overdue', 'information', 'F-2'],
      ],
    );
  });

  test('hover: completed, with the date said to be invalid', () => {
    assert.equal(hoverState('  M-|1:'), 'Due 2020-06-01 · completed (date not valid)');
    assert.equal(hoverState('      - F-|1'), 'Due 2020-05-01 · completed (date not valid)');
    assert.equal(hoverState('      - F-|2'), 'Due 2021-01-01 · **overdue** (as of 2021-08-11)');
  });

  test('inlay hints and code lenses: not open', () => {
    assert.deepEqual(service.inlayHints(uri, { start: 0, end: plan.length }).map((hint) => hint.label), ['✓ (date not valid)', 'due 2021-01-01 · overdue']);
    assert.deepEqual(service.codeLenses(uri).map((lens) => lens.title), ['1 feature · 0 open · latest due 2020-05-01', '1 feature · 1 open · latest due 2021-01-01']);
  });

  test('snapshot: progress and state completed, no completion date given', () => {
    const { milestones, features } = service.snapshot();
    assert.deepEqual(
      milestones.map((milestone) => [milestone.id, milestone.progress, milestone.state, milestone.completed, milestone.features.map((row) => `${row.id}: ${row.state}`)]),
      [
        ['M-1', 'completed', 'completed', null, ['F-1: completed']],
        ['M-2', 'open', 'open', null, ['F-2: overdue']],
      ],
    );
    assert.deepEqual([features['F-1']!.progress, features['F-1']!.state, features['F-1']!.completed], ['completed', 'completed', null]);
  });

  test('plan tree: the completed icon', () => {
    const tree = planTree(service.snapshot());
    assert.deepEqual(
      tree.map((milestone) => [milestone.id, milestone.icon, milestone.children.map((child) => [child.id, child.icon])]),
      [
        ['M-1', stateIcons.completed, [['F-1', stateIcons.completed]]],
        ['M-2', stateIcons.open, [['F-2', stateIcons.overdue]]],
      ],
    );
    assert.equal(stateIcons.completed.id, 'pass-filled');
  });

  test("timeline rows: completed, with no overdue bar; the open feature's bar runs from its due date to asOf", () => {
    const snapshot = service.snapshot();
    const asOf = parseDay(snapshot.asOf);
    const rows = buildGroups(snapshot).flatMap((group) => [group.milestone, ...group.features]);
    assert.deepEqual(
      rows.map((row) => [row.id, row.state, row.progress, slipOf(row, asOf)]),
      [
        ['M-1', 'completed', 'completed', null],
        ['F-1', 'completed', 'completed', null],
        ['M-2', 'open', 'open', null],
        ['F-2', 'overdue', 'overdue', { kind: 'overdue', from: parseDay('2021-01-01'), to: parseDay('2021-08-11') }],
      ],
    );
  });
});
