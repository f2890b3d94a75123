// Rescheduling (server/src/service/features/reschedule.ts) in memory, on a network worked out by
// hand: the preview of a move — the dates that move alone or pushing what they would break, the
// checks that newly fail or clear, the float of what is affected — and the one workspace edit that
// makes it, in the plan and the overrides file that own the dates.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService, type PlanService } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/text/edits';

const planUri = 'file:///repo/plan.milestones.yaml';
const localUri = 'file:///repo/data/local.yaml';

const plan = `asOf: 2022-01-01
milestones:
  M-1:
    name: one
    due: 2022-03-01 # the release
    features: [F-1, F-2]
  M-2:
    name: two
    due: 2022-03-10
    predecessors: [M-1]
  M-3:
    name: three
    due: "2022-06-01"
    predecessors: [M-2]
features:
  F-1:
    name: f1
    due: 2022-02-20
  F-2:
    name: f2
    due: 2022-02-01
    forecast: 2022-02-25
`;

function service(local?: string): PlanService {
  const created = createPlanService();
  created.setFile(planUri, plan);
  if (local !== undefined) created.setOverridesFile(localUri, local);
  return created;
}

/** A preview's option in short: each move, each check that fails or clears, each float before → after. */
function shortly(option: Exclude<ReturnType<PlanService['previewMove']>, { message: string }>['only']) {
  return {
    moves: option.moves.map((move) => `${move.id} ${move.field} ${move.from} → ${move.to} (${move.file})`),
    failing: option.failing.map((check) => `${check.id} ${check.code}`),
    clearing: option.clearing.map((check) => `${check.id} ${check.code}`),
    affected: option.affected.map((item) => `${item.id}${item.moved ? '*' : ''} ${item.before} → ${item.after}`),
    blocked: option.blocked,
  };
}

describe('the preview of a move', () => {
  // M-3 ends the chain (2022-06-01). Float now: F-1 (2022-02-20) 101 days, M-1 92, M-2 83, M-3 0.
  test('later: alone it breaks the milestone that lists it; pushed, the items it would break move by as much, the one with enough float stays', () => {
    const preview = service().previewMove('F-1', 14);
    assert.ok(!('message' in preview));
    assert.deepEqual([preview.field, preview.from, preview.to, preview.days], ['due', '2022-02-20', '2022-03-06', 14]);
    assert.deepEqual(shortly(preview.only), {
      moves: ['F-1 due 2022-02-20 → 2022-03-06 (plan.milestones.yaml)'],
      failing: ['M-1 feature-due-after-milestone'],
      clearing: [],
      // M-1 may still be pushed to M-3's date: its float does not change.
      affected: ['F-1* 101 → 87', 'M-1 92 → 92'],
      blocked: null,
    });
    // F-1 on 2022-03-06 is after M-1 (2022-03-01): M-1 to 2022-03-15, after M-2 (2022-03-10): M-2 to 2022-03-24, before M-3.
    assert.deepEqual(shortly(preview.push), {
      moves: ['F-1 due 2022-02-20 → 2022-03-06 (plan.milestones.yaml)', 'M-1 due 2022-03-01 → 2022-03-15 (plan.milestones.yaml)', 'M-2 due 2022-03-10 → 2022-03-24 (plan.milestones.yaml)'],
      failing: [],
      clearing: [],
      affected: ['F-1* 101 → 87', 'M-1* 92 → 78', 'M-2* 83 → 69', 'M-3 0 → 0'],
      blocked: null,
    });
  });

  test('earlier: pushing pulls what comes before, a forecast moving where there is one', () => {
    const preview = service().previewMove('M-2', -15);
    assert.ok(!('message' in preview));
    assert.deepEqual(shortly(preview.only).failing, ['M-2 predecessor-due-after']);
    // M-2 on 2022-02-23 is before M-1 (2022-03-01): M-1 to 2022-02-14, before F-1 (2022-02-20) and F-2 (forecast 2022-02-25).
    assert.deepEqual(shortly(preview.push).moves, [
      'M-2 due 2022-03-10 → 2022-02-23 (plan.milestones.yaml)',
      'M-1 due 2022-03-01 → 2022-02-14 (plan.milestones.yaml)',
      'F-1 due 2022-02-20 → 2022-02-05 (plan.milestones.yaml)',
      'F-2 forecast 2022-02-25 → 2022-02-10 (plan.milestones.yaml)',
    ]);
    assert.deepEqual(shortly(preview.push).failing, []);
  });

  test('a move that mends a broken check says it clears', () => {
    const late = service();
    late.setFile(planUri, plan.replace('    due: 2022-02-20\n', '    due: 2022-03-05\n'));
    const mend = late.previewMove('F-1', -4);
    assert.ok(!('message' in mend));
    assert.deepEqual(shortly(mend.only).clearing, ['M-1 feature-due-after-milestone']);
    assert.deepEqual(shortly(mend.only).failing, []);
  });

  test('what cannot move says why', () => {
    assert.deepEqual(service().previewMove('NOWHERE', 3), { message: 'No plan defines NOWHERE.' });
    const undated = createPlanService();
    undated.setFile(planUri, 'milestones:\n  M:\n    name: m\n');
    assert.deepEqual(undated.previewMove('M', 3), { message: 'M has no date to move: give it a due date first.' });
  });
});

describe('the edit of a move', () => {
  test('one workspace edit of minimal edits where each date is written: quotes, comments and the overrides file kept', () => {
    const local = '# Corrections\nM-2:\n  due: 2022-03-12 # moved in review\n';
    const moving = service(local);
    const preview = moving.previewMove('M-1', 20);
    assert.ok(!('message' in preview));
    // M-1 to 2022-03-21 breaks M-2 (2022-03-12 in local.yaml): to 2022-04-01; M-3 stays.
    assert.deepEqual(preview.push.files, ['plan.milestones.yaml', 'local.yaml']);
    const made = moving.moveDate({ id: 'M-1', days: 20, kind: 'push', from: '2022-03-01' });
    assert.ok(!('message' in made));
    assert.deepEqual([...made.edits.keys()], [planUri, localUri]);
    assert.equal(applyEdits(plan, made.edits.get(planUri)!), plan.replace('    due: 2022-03-01 # the release', '    due: 2022-03-21 # the release'));
    assert.equal(applyEdits(local, made.edits.get(localUri)!), '# Corrections\nM-2:\n  due: 2022-04-01 # moved in review\n');
    const quoted = moving.moveDate({ id: 'M-3', days: 1, kind: 'only', from: '2022-06-01' });
    assert.ok(!('message' in quoted));
    assert.equal(applyEdits(plan, quoted.edits.get(planUri)!), plan.replace('due: "2022-06-01"', 'due: "2022-06-02"'));
  });

  test('refused when the date is no longer the one previewed', () => {
    assert.deepEqual(service().moveDate({ id: 'M-1', days: 3, kind: 'only', from: '2022-02-28' }), { message: "M-1's due is 2022-03-01 now, not 2022-02-28: move it again." });
  });
});
