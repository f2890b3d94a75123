// Code lenses (server/src/service/features/codeLenses.ts) in memory: the lens over each milestone,
// with the ID it stands over.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { covered, openPlan } from '../helpers/cursor';

const features = `asOf: 2021-08-11
features:
  DM-NCSA-9:
    name: Test instance of alert distribution
    due: 2019-05-31
    completed: 2019-05-31
  DM-NCSA-8:
    name: Alert Filtering Service receives alert streams
    due: 2021-07-01
  DM-NCSA-16:
    name: Alert production at scale
    due: 2021-11-01
`;

describe('code lenses', () => {
  test('over each milestone: how many features it lists, how many are open, the latest due date among them', () => {
    const { service, uri } = openPlan(
      `milestones:
  LDM-503-05:
    name: Alert distribution validation
    due: 2018-07-17
    features:
      - DM-NCSA-9
      - DM-NCSA-8
  LDM-503-11:
    name: Alert production
    due: 2021-12-01
    features: [DM-NCSA-16, DM-NCSA-8, DM-NCSA-9]
  LDM-503-12:
    name: Nothing new
    due: 2022-01-01
  LDM-503-13:
    name: One feature
    due: 2022-02-01
    features: [DM-NCSA-9]
`,
      { other: features },
    );
    assert.deepEqual(
      service.codeLenses(uri).map((lens) => [covered(service, uri, lens.span), lens.milestone, lens.title]),
      [
        ['LDM-503-05', 'LDM-503-05', '2 features · 1 open · latest due 2021-07-01'],
        ['LDM-503-11', 'LDM-503-11', '3 features · 2 open · latest due 2021-11-01'],
        ['LDM-503-12', 'LDM-503-12', 'no features'],
        ['LDM-503-13', 'LDM-503-13', '1 feature · 0 open · latest due 2019-05-31'],
      ],
    );
  });

  test('an ID listed twice counts once; an ID no plan defines counts as listed, with no state or date', () => {
    const { service, uri } = openPlan(`milestones:\n  M-1:\n    name: x\n    due: 2022-01-01\n    features: [DM-NCSA-8, DM-NCSA-8, DM-XX-1]\n`, { other: features });
    assert.deepEqual(service.codeLenses(uri).map((lens) => lens.title), ['2 features · 1 open · latest due 2021-07-01']);
  });
});
