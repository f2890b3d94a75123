// The date history of an item (server/src/service/history/dateHistory.ts) from versions of its
// plan file given newest first, as the host reads them from git, and the hover's Markdown of it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateHistories, dateHistory, dateHistoryMarkdown, datesOf, trackedDates, type FileVersion } from '../../server/src/service/history/dateHistory';
import { PlanVersions } from '../../server/src/service/history/planVersions';

const plan = (due: string, forecast?: string, other = '') => `milestones:
  M-1:
    name: First release
    due: ${due}
${forecast ? `    forecast: ${forecast}\n` : ''}${other}`;

function version(hash: string, date: string, subject: string, text: string): FileVersion {
  return { hash, date, subject, dates: trackedDates('file:///plans/a.milestones.yaml', text) };
}

describe('date history', () => {
  const versions = [
    version('d4', '2021-06-01', 'Forecast M-1 later', plan('2021-03-01', '2021-05-01')),
    version('c3', '2021-05-01', 'Typo in a name', plan('2021-03-01')),
    version('b2', '2021-04-01', 'Remove M-1 for a while', 'milestones: {}\n'),
    version('a1', '2021-02-01', 'Rebaseline M-1', plan('2021-03-01')),
    version('a0', '2021-01-01', 'First plan', plan('2021-01-01')),
  ];

  test('each due or forecast change, newest first; a version without the item is skipped', () => {
    assert.deepEqual(dateHistory('M-1', versions), [
      { hash: 'd4', date: '2021-06-01', subject: 'Forecast M-1 later', field: 'forecast', before: null, after: '2021-05-01' },
      { hash: 'a1', date: '2021-02-01', subject: 'Rebaseline M-1', field: 'due', before: '2021-01-01', after: '2021-03-01' },
    ]);
  });

  test('an item no version has, or one that never moved, has no history', () => {
    assert.deepEqual(dateHistory('M-9', versions), []);
    assert.deepEqual(dateHistory('M-1', versions.slice(1, 4)), []);
    assert.equal(dateHistoryMarkdown([]), undefined);
  });

  test('as Markdown: date, hash, subject (its Markdown escaped), old → new; the last ten and how many more', () => {
    const changes = dateHistory('M-1', versions);
    assert.equal(
      dateHistoryMarkdown([{ ...changes[0]!, subject: 'Forecast *M-1* later' }, changes[1]!]),
      ['**Date history** (git)', '', '- 2021-06-01 `d4` Forecast \\*M-1\\* later: forecast — → 2021-05-01', '- 2021-02-01 `a1` Rebaseline M-1: due 2021-01-01 → 2021-03-01'].join('\n'),
    );
    const many = Array.from({ length: 12 }, (_, index) => ({ ...changes[1]!, hash: `h${index}` }));
    const lines = dateHistoryMarkdown(many)!.split('\n');
    assert.equal(lines.length, 2 + 10 + 1);
    assert.equal(lines.at(-1), '- … and 2 earlier changes');
  });

  test('read as edits of each other, oldest first, the versions give the same histories as read whole', () => {
    const texts = [plan('2021-01-01'), plan('2021-03-01', undefined, '  M-2:\n    name: Second\n    due: 2021-05-01\n'), 'milestones: {}\n', plan('2021-03-01', '2021-05-01', '  M-2:\n    name: Second\n    due: 2021-06-01\n')];
    const reader = new PlanVersions('file:///plans/a.milestones.yaml');
    const incremental = new DateHistories();
    texts.forEach((text, index) => incremental.add({ hash: `h${index}`, date: `2021-0${index + 1}-01`, subject: `version ${index}`, dates: datesOf(reader.next(text).added) }));
    const whole = texts.map((text, index) => version(`h${index}`, `2021-0${index + 1}-01`, `version ${index}`, text)).reverse();
    for (const id of ['M-1', 'M-2']) assert.deepEqual(incremental.of(id), dateHistory(id, whole), id);
    assert.deepEqual(
      incremental.of('M-2').map((change) => [change.hash, change.field, change.before, change.after]),
      [['h3', 'due', '2021-05-01', '2021-06-01']],
    );
  });
});
