// Selection ranges (server/src/service/features/selectionRanges.ts) in memory: from the cursor,
// the ever wider texts "Expand Selection" selects, each shown as its first and last lines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { atCursor, covered, firstAndLast, placeCursor } from '../helpers/cursor';

const plan = `document: LDM-564
milestones:
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    features:
      - DM-AP-1
      - DM-AP-2
  LDM-503-03:
    name: Alert generation
    due: 2018-12-01
    features: [DM-AP-2]
features:
  DM-AP-2:
    name: Image differencing
    due: 2018-11-01
    aka: [SFM1, SFM2]
acronyms:
  AP: Alert Production
  HSC: Hyper Suprime-Cam
`;

/** The selections from the cursor outwards, each as `first line … last line`. */
function expansions(marked: string): string[] {
  const { service, uri, offset } = atCursor(placeCursor(plan, marked));
  return service.selectionRanges(uri, offset).map((span) => firstAndLast(covered(service, uri, span)));
}

const wholePlan = 'document: LDM-564 … HSC: Hyper Suprime-Cam';

describe('selection ranges', () => {
  test('a date: the date, its key and value, the milestone, the milestones, the section with its key, the plan', () => {
    assert.deepEqual(expansions('due: 2017-1|2-01'), [
      '2017-12-01',
      'due: 2017-12-01',
      'LDM-503-02: … - DM-AP-2',
      'LDM-503-02: … features: [DM-AP-2]',
      'milestones: … features: [DM-AP-2]',
      wholePlan,
    ]);
  });

  test('a feature in a block list: the ID, the list, the key and list, then outwards', () => {
    assert.deepEqual(expansions('      - DM-AP|-1'), [
      'DM-AP-1',
      '- DM-AP-1 … - DM-AP-2',
      'features: … - DM-AP-2',
      'LDM-503-02: … - DM-AP-2',
      'LDM-503-02: … features: [DM-AP-2]',
      'milestones: … features: [DM-AP-2]',
      wholePlan,
    ]);
  });

  test('an item of any list, not only a features list', () => {
    assert.deepEqual(expansions('aka: [SFM1, SF|M2]'), [
      'SFM2',
      '[SFM1, SFM2]',
      'aka: [SFM1, SFM2]',
      'DM-AP-2: … aka: [SFM1, SFM2]',
      'features: … aka: [SFM1, SFM2]',
      wholePlan,
    ]);
  });

  test("an item's ID", () => {
    assert.deepEqual(expansions('  LDM-5|03-03:'), ['LDM-503-03', 'LDM-503-03: … features: [DM-AP-2]', 'LDM-503-02: … features: [DM-AP-2]', 'milestones: … features: [DM-AP-2]', wholePlan]);
  });

  test('an acronym, and a field of the plan', () => {
    assert.deepEqual(expansions('HSC: Hyper Supr|ime-Cam'), ['Hyper Suprime-Cam', 'HSC: Hyper Suprime-Cam', 'AP: Alert Production … HSC: Hyper Suprime-Cam', 'acronyms: … HSC: Hyper Suprime-Cam', wholePlan]);
    assert.deepEqual(expansions('document: LDM-|564'), ['LDM-564', 'document: LDM-564', wholePlan]);
  });
});
