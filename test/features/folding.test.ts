// Folding (server/src/service/features/folding.ts) in memory: each fold shown as its first and
// last lines, as the editor shows a folded region.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { covered, firstAndLast, openPlan } from '../helpers/cursor';

/** Each fold of the plan as `first line … last line`, in the order of the text. */
function folds(text: string): string[] {
  const { service, uri } = openPlan(text);
  return service
    .foldingRanges(uri)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((span) => firstAndLast(covered(service, uri, span)));
}

const plan = `document: LDM-564
milestones:
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    description: >-
      Demonstrates a prototype
      payload.
    features:
      - DM-AP-1
      - DM-AP-2

  LDM-503-03:   # next
    name: Alert generation
    due: 2018-12-01
    features: [DM-AP-2]
# the features
features:
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2017-11-01
acronyms:
  AP: Alert Production
  HSC: Hyper Suprime-Cam
`;

describe('folding ranges', () => {
  test('each section, each entry, each list, map or block text over several lines', () => {
    assert.deepEqual(folds(plan), [
      'milestones: … features: [DM-AP-2]',
      'LDM-503-02: … - DM-AP-2',
      'description: >- … payload.',
      'features: … - DM-AP-2',
      'LDM-503-03:   # next … features: [DM-AP-2]',
      // On one line: the editor drops it (lsp/convert.ts), but the service gives every collection.
      'features: [DM-AP-2]',
      'features: … due: 2017-11-01',
      'DM-AP-1: … due: 2017-11-01',
      'acronyms: … HSC: Hyper Suprime-Cam',
    ]);
  });

  test('the same folds when the plan is parsed whole (an anchor ties its entries together)', () => {
    const anchored = plan.replace('    due: 2017-12-01\n', '    due: &released 2017-12-01\n');
    assert.deepEqual(folds(anchored), folds(plan));
    const segments = (text: string) => openPlan(text).service.getFile('file:///plans/a.milestones.yaml')!.segments.length;
    assert.deepEqual([segments(anchored), segments(plan) > 1], [1, true]);
  });

  test('a plan of scalars alone has no folds', () => {
    assert.deepEqual(folds(`document: LDM-564\ntitle: Releases\n`), []);
  });
});
