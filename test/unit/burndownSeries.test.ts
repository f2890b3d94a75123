// The burndown series: counts of each line by month, the items behind each point, and the filters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { burndownSeries, type BurndownItem } from '../../common/burndownSeries';

const items: BurndownItem[] = [
  // Done on time in January.
  { id: 'DM-1', due: '2021-01-10', done: true, completed: '2021-01-20', level: 2, file: 'file:///a.yaml' },
  // Open, forecast two months late.
  { id: 'DM-2', due: '2021-02-15', forecast: '2021-04-05', done: false, level: 3, file: 'file:///a.yaml', revisionDue: '2021-01-15' },
  // Open, due before asOf without a forecast: the forecast keeps it until asOf.
  { id: 'DLP-1', due: '2021-01-05', done: false, level: 2, file: 'file:///b.yaml' },
];

test('counts what remains on the first of each month, for each line, with the items that came down', () => {
  const series = burndownSeries(items, '2021-03-10');
  assert.equal(series.items, 3);
  assert.equal(series.hasRevision, true);
  const rows = series.points.map((point) => [point.date, point.baseline, point.forecast, point.achieved ?? null, point.revision ?? null]);
  assert.deepEqual(rows, [
    ['2021-01-01', 3, 3, 3, 1],
    ['2021-02-01', 1, 2, 2, 0],
    ['2021-03-01', 0, 2, 2, 0],
    ['2021-04-01', 0, 1, null, 0],
    ['2021-05-01', 0, 0, null, 0],
  ]);
  const february = series.points[1]!;
  assert.deepEqual(february.items.baseline, ['DM-1', 'DLP-1']);
  assert.deepEqual(february.items.forecast, ['DM-1']);
  assert.deepEqual(february.items.achieved, ['DM-1']);
  assert.deepEqual(february.items.revision, ['DM-2']);
  assert.deepEqual(series.points[3]!.items.forecast, ['DLP-1']);
  assert.deepEqual(series.points[4]!.items.forecast, ['DM-2']);
});

test('filters by ID prefix, level and file', () => {
  assert.deepEqual(burndownSeries(items, '2021-03-10', { prefixes: ['DLP-'] }).points.map((point) => point.baseline), [1, 0, 0, 0]);
  assert.equal(burndownSeries(items, '2021-03-10', { level: 2 }).items, 2);
  assert.equal(burndownSeries(items, '2021-03-10', { file: 'file:///a.yaml', prefixes: ['DM-', 'LDM-503-'] }).items, 2);
  const none = burndownSeries(items, '2021-03-10', { level: 9 });
  assert.deepEqual(none.points, []);
  assert.equal(burndownSeries(items, '2021-03-10', { prefixes: ['DLP-'] }).hasRevision, false);
});
