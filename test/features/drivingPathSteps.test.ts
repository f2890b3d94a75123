// The driving path of the item at the cursor (server/src/service/features/drivingPathSteps.ts) in
// memory, across two plans: the steps *Show Driving Path* lists, earliest first, with where each is.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { atCursor, covered, otherUri, placeCursor } from '../helpers/cursor';

const releases = `milestones:
  LDM-503-08:
    name: Spectrograph data acquisition
    due: 2019-12-31
    predecessors: [LDM-503-07, DM-AP-1]
  LDM-503-09:
    name: Ops rehearsal for commissioning
    due: 2020-10-07
    predecessors:
      - LDM-503-08
      - DM-AP-1
`;

const other = `milestones:
  LDM-503-07:
    name: Camera data processing
    due: 2019-01-17
    completed: 2019-01-17
features:
  DM-AP-1:
    name: Basic single frame measurement pipeline
    due: 2017-11-01
`;

function pathAt(marked: string) {
  const { service, uri, offset } = atCursor(placeCursor(releases, marked), { other });
  return service.drivingPath(uri, offset).map((step) => ({ ...step, covers: covered(service, step.location.uri, { start: service.getFile(step.location.uri)!.lineIndex.offsetAt(step.location.range.start), end: service.getFile(step.location.uri)!.lineIndex.offsetAt(step.location.range.end) }) }));
}

describe('the driving path at the cursor', () => {
  test('from anywhere in an entry: each step with its dates, earliest first, across files', () => {
    const steps = pathAt('Ops rehearsal| for');
    assert.deepEqual(
      steps.map((step) => [step.id, step.due, step.completed, step.location.uri === otherUri ? 'b' : 'a', step.covers]),
      [
        ['LDM-503-07', '2019-01-17', '2019-01-17', 'b', 'LDM-503-07'],
        ['LDM-503-08', '2019-12-31', null, 'a', 'LDM-503-08'],
        ['LDM-503-09', '2020-10-07', null, 'a', 'LDM-503-09'],
      ],
    );
    assert.equal(steps[0]!.name, 'Camera data processing');
  });
  test('on an ID in a predecessors list: the path of that item', () => {
    assert.deepEqual(pathAt('      - LDM-50|3-08').map((step) => step.id), ['LDM-503-07', 'LDM-503-08']);
  });
  test('an item without predecessors is a path of one; outside any item, none', () => {
    const { service, uri } = atCursor(`|${releases}`, { other });
    assert.deepEqual(service.drivingPath(uri, 0), []);
    assert.deepEqual(pathAt('    predecessors: [LDM-503-07, DM-A|P-1]').map((step) => step.id), ['DM-AP-1']);
  });
  test('the predecessor expected last drives: a forecast counts before a due date', () => {
    const plan = `milestones:\n  A:\n    name: a\n    due: 2021-01-01\n    forecast: 2021-06-01\n  B:\n    name: b\n    due: 2021-03-01\n  C:\n    name: c\n    due: 2021-09-01\n    predecessors: [A, B]\n`;
    const { service, uri } = atCursor(placeCursor(plan, '  |C:'));
    assert.deepEqual(service.drivingPath(uri, plan.indexOf('  C:') + 2).map((step) => step.id), ['A', 'C']);
  });
});
