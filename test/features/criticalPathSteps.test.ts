// The critical chain at the cursor (server/src/service/features/criticalPathSteps.ts) in memory: the
// steps *Show Critical Path* lists, earliest first, each with its float and where it is defined.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { atCursor, covered, placeCursor } from '../helpers/cursor';

const plan = `milestones:
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
    due: 2022-04-01
    features: [F-4]
features:
  F-1:
    name: one
    due: 2022-06-01
  F-2:
    name: two
    due: 2022-05-01
  F-3:
    name: three
    due: 2022-09-01
  F-4:
    name: four
    due: 2022-04-01
`;

// With 100 days critical: B and C end their chains; A and F-1 have 92 days to B, F-3 none; F-2 has 123.
function pathAt(marked: string) {
  const { service, uri, offset } = atCursor(placeCursor(plan, marked), { settings: { criticalFloatDays: 100 } });
  const path = service.criticalPath(uri, offset);
  const file = service.getFile(uri)!;
  return { ...path, steps: path.steps.map((step) => [step.id, step.expected, step.float, step.late, covered(service, uri, { start: file.lineIndex.offsetAt(step.location.range.start), end: file.lineIndex.offsetAt(step.location.range.end) })]) };
}

describe('the critical path at the cursor', () => {
  test("the chain the item's limit keeps, earliest first, with the item's float", () => {
    assert.deepEqual(pathAt('  |A:'), {
      end: 'B',
      from: { id: 'A', float: '92 days · critical — limited by B, due 2022-09-01' },
      steps: [
        ['A', '2022-06-01', 92, '2022-09-01', 'A'],
        ['F-1', '2022-06-01', 92, '2022-09-01', 'F-1'],
        ['B', '2022-09-01', 0, '2022-09-01', 'B'],
        ['F-3', '2022-09-01', 0, '2022-09-01', 'F-3'],
      ],
    });
  });

  test('from an item that is not critical, the chain it belongs to; from another end, that end\'s', () => {
    const fromF2 = pathAt('    features: [F-1, F-|2]');
    assert.equal(fromF2.end, 'B');
    assert.deepEqual(fromF2.from, { id: 'F-2', float: '123 days — limited by B, due 2022-09-01, through A' });
    assert.deepEqual(pathAt('  |C:').steps.map((step) => step[0]), ['C', 'F-4']);
  });

  test("outside any item, the plan's last milestone's chain; none where nothing has float", () => {
    const outside = pathAt('|milestones:');
    assert.equal(outside.end, 'B');
    assert.equal(outside.from, null);
    assert.equal(outside.steps.length, 4);
    const { service, uri } = atCursor('|milestones:\n  M:\n    name: m\n    due: 2022-01-01\n    completed: 2022-01-01\n');
    assert.deepEqual(service.criticalPath(uri, 0), { end: null, from: null, steps: [] });
  });
});
