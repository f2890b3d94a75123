// The preview of a move as the extension's quick pick lists it (client/src/reschedule/movePreview.ts),
// from the server's answer for a plan, and how what the user types reads as a move.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listedAtMost, previewEntries, previewTitle, readMove } from '../../client/src/reschedule/movePreview';
import { createPlanService } from '../../server/src/service';

const plan = `milestones:
  M-1:
    name: one
    due: 2022-03-01
    features: [F-1]
  M-2:
    name: two
    due: 2022-09-01
    predecessors: [M-1]
features:
  F-1:
    name: f1
    due: 2022-02-20
`;

describe('the preview in the quick pick', () => {
  test('each option to choose, then the dates it moves with their float, what stays, and the checks that newly fail', () => {
    const service = createPlanService();
    service.setSettings({ asOf: '2022-01-01' });
    service.setFile('file:///plans/a.milestones.yaml', plan);
    const preview = service.previewMove('F-1', 14);
    assert.ok(!('message' in preview));
    assert.equal(previewTitle(preview), "Move F-1's due from 2022-02-20 to 2022-03-06 (+14 days)");
    // M-2 ends the chain (2022-09-01): F-1 has 193 days, M-1 184.
    assert.deepEqual(
      previewEntries(preview).map((entry) => [entry.role, entry.label, entry.description ?? '', entry.detail ?? '']),
      [
        ['heading', 'Move only this', '', ''],
        ['option', '$(arrow-right) Move only this', '1 date in a.milestones.yaml', '1 check newly fails'],
        ['consequence', '$(calendar) F-1', 'due 2022-02-20 → 2022-03-06 · float 193 d → 179 d', 'a.milestones.yaml'],
        ['consequence', '$(pin) M-1', 'stays · float 184 d → 184 d', ''],
        ['consequence', '$(warning) newly fails: feature-due-after-milestone', 'M-1', 'F-1 is due 2022-03-06, after M-1 (due 2022-03-01).'],
        ['heading', 'Move this and push what it would break', '', ''],
        ['option', '$(arrow-both) Move this and push what it would break', '2 dates in a.milestones.yaml', 'no check changes'],
        ['consequence', '$(calendar) F-1', 'due 2022-02-20 → 2022-03-06 · float 193 d → 179 d', 'a.milestones.yaml'],
        ['consequence', '$(calendar) M-1', 'due 2022-03-01 → 2022-03-15 · float 184 d → 170 d', 'a.milestones.yaml'],
        ['consequence', '$(pin) M-2', 'stays · float 0 d → 0 d', ''],
      ],
    );
  });

  test('a long list is cut, the rest counted', () => {
    const lines = ['milestones:'];
    for (let index = 0; index < listedAtMost + 5; index++) lines.push(`  M-${index}:`, `    name: m`, `    due: 2022-01-01`, ...(index > 0 ? [`    predecessors: [M-${index - 1}]`] : []));
    const service = createPlanService();
    service.setFile('file:///plans/a.milestones.yaml', `${lines.join('\n')}\n`);
    const preview = service.previewMove('M-0', 1);
    assert.ok(!('message' in preview));
    const push = previewEntries(preview).slice(previewEntries(preview).findIndex((entry) => entry.option === 'push'));
    assert.equal(push.filter((entry) => entry.label.startsWith('$(calendar)')).length, listedAtMost);
    assert.ok(push.some((entry) => entry.label === '… and 5 more'));
  });
});

describe('what the user types', () => {
  test('a date, or days later or earlier, in days or weeks', () => {
    assert.deepEqual(readMove('2022-03-06', '2022-02-20'), { days: 14 });
    assert.deepEqual(readMove(' +14 ', '2022-02-20'), { days: 14 });
    assert.deepEqual(readMove('14', '2022-02-20'), { days: 14 });
    assert.deepEqual(readMove('-3', '2022-02-20'), { days: -3 });
    assert.deepEqual(readMove('−3d', '2022-02-20'), { days: -3 });
    assert.deepEqual(readMove('+2w', '2022-02-20'), { days: 14 });
    assert.deepEqual(readMove('2022-02-30', '2022-02-20'), { message: '2022-02-30 is not a real day.' });
    assert.deepEqual(readMove('soon', '2022-02-20'), { message: 'Type a date (YYYY-MM-DD) or a number of days (+14, -3, +2w).' });
  });
});
