// Inlay hints (server/src/service/features/inlayHints.ts) in memory: each hint shown after the
// text of its line up to where it stands, as the editor draws it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Span } from '../../server/src/service';
import { openPlan } from '../helpers/cursor';

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

const releases = `milestones:
  LDM-503-05:
    name: Alert distribution validation
    due: 2018-07-17
    completed: 2018-07-17
    features:
      - DM-NCSA-9   # the test instance
      - DM-NCSA-8
      - DM-XX-1
  LDM-503-11:
    name: Alert production
    due: 2021-12-01
    features: [DM-NCSA-8, "DM-NCSA-16"]
`;

/** Hints in `range` (the whole plan by default), as `line up to the hint ⟨label⟩ (tooltip)`. */
function hints(range?: (text: string) => Span): string[] {
  const { service, uri, text } = openPlan(releases, { other: features });
  return service.inlayHints(uri, range ? range(text) : { start: 0, end: text.length }).map((hint) => {
    const lineStart = text.lastIndexOf('\n', hint.offset - 1) + 1;
    return `${text.slice(lineStart, hint.offset).trim()} ⟨${hint.label}⟩ (${hint.tooltip})`;
  });
}

describe('inlay hints', () => {
  test("after each feature a milestone lists: completed, overdue or open, by the feature's plan's asOf", () => {
    assert.deepEqual(hints(), [
      '- DM-NCSA-9 ⟨✓ 2019-05-31⟩ (Test instance of alert distribution)',
      '- DM-NCSA-8 ⟨due 2021-07-01 · overdue⟩ (Alert Filtering Service receives alert streams)',
      'features: [DM-NCSA-8 ⟨due 2021-07-01 · overdue⟩ (Alert Filtering Service receives alert streams)',
      'features: [DM-NCSA-8, "DM-NCSA-16" ⟨due 2021-11-01 · open⟩ (Alert production at scale)',
    ]);
  });

  test("an open feature's forecast beside its due date, with the slip in days; a completed one shows its completion only", () => {
    const plan = `asOf: 2021-08-11
milestones:
  M-1:
    name: Release
    due: 2022-01-01
    features: [F-1, F-2, F-3]
features:
  F-1:
    name: Late
    due: 2021-07-01
    forecast: 2021-09-01
  F-2:
    name: Early
    due: 2021-12-01
    forecast: 2021-11-29
  F-3:
    name: Done
    due: 2021-01-01
    forecast: 2021-02-01
    completed: 2021-02-03
`;
    const { service, uri } = openPlan(plan);
    assert.deepEqual(
      service.inlayHints(uri, { start: 0, end: plan.length }).map((hint) => hint.label),
      ['due 2021-07-01 → 2021-09-01 (+62 d) · overdue', 'due 2021-12-01 → 2021-11-29 (−2 d) · open', '✓ 2021-02-03'],
    );
  });

  test('only the hints inside the range asked for', () => {
    assert.deepEqual(
      hints((text) => ({ start: text.indexOf('  LDM-503-11:'), end: text.length })),
      ['features: [DM-NCSA-8 ⟨due 2021-07-01 · overdue⟩ (Alert Filtering Service receives alert streams)', 'features: [DM-NCSA-8, "DM-NCSA-16" ⟨due 2021-11-01 · open⟩ (Alert production at scale)'],
    );
    // A range that ends inside an ID leaves out that ID's hint.
    assert.deepEqual(
      hints((text) => ({ start: 0, end: text.indexOf('DM-NCSA-8') + 3 })),
      ['- DM-NCSA-9 ⟨✓ 2019-05-31⟩ (Test instance of alert distribution)'],
    );
    assert.deepEqual(hints((text) => ({ start: 0, end: text.indexOf('features:') })), []);
  });
});

describe('float as inlay hints (milestones.inlayHints.float)', () => {
  const plan = `milestones:
  M:
    name: m
    due: 2022-08-24
    features: [F-1, F-2]
  N:
    name: n
    due: 2022-01-01
    completed: 2022-01-01
features:
  F-1:
    name: one
    due: 2022-07-10 # early
  F-2: {name: two, due: 2022-09-01}
  F-3:
    name: three
    due: 2022-01-01
    forecast: '2022-02-01'
`;

  function floatHints(settings: { floatInlayHints?: boolean }): string[] {
    const { service, uri, text } = openPlan(plan, { settings: { asOf: '2021-01-01', ...settings } });
    return service
      .inlayHints(uri, { start: 0, end: text.length })
      .filter((hint) => hint.label.includes('float'))
      .map((hint) => `${text.slice(text.lastIndexOf('\n', hint.offset - 1) + 1, hint.offset).trim()} ⟨${hint.label}⟩ (${hint.tooltip})`);
  }

  test("after each open item's expected date, its float; critical ones say so; none for completed items", () => {
    assert.deepEqual(floatHints({ floatInlayHints: true }), [
      'due: 2022-08-24 ⟨float 0 d · critical⟩ (Float: 0 days · critical — it ends its chain: nothing open and dated waits for it)',
      'due: 2022-07-10 ⟨float 45 d⟩ (Float: 45 days — limited by M, due 2022-08-24)',
      'F-2: {name: two, due: 2022-09-01 ⟨float −8 d · critical⟩ (Float: −8 days · critical — limited by M, due 2022-08-24)',
      "forecast: '2022-02-01' ⟨float unlimited⟩ (Float: unlimited — nothing dated waits for it)",
    ]);
  });

  test('off by default', () => {
    assert.deepEqual(floatHints({}), []);
  });
});
