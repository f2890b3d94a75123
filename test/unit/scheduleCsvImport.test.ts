// A schedule kept as CSV: columns found by their usual headers or named with --map, and the rows
// that cannot be read, each on its line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readScheduleCsv } from '../../server/src/service/schedules/scheduleCsv';
import { planYaml, scheduleToPlan } from '../../server/src/service/schedules/scheduleToPlan';

describe('CSV import', () => {
  test('usual headers, in any case and order; a quoted name with a comma; predecessors listed in a cell', () => {
    const text = 'Activity ID,Activity Name,Type,Baseline Finish,Finish,Actual Finish,Level,Predecessors\r\nM-1,"Data Preview 0, the first",Milestone,2021-06-30,2021-06-30 17:00,2021-07-02,1,\r\nF-1,Ingest,Task,2021-05-01,2021-05-20,,,M-1\r\nM-2,Second,milestone,2021-12-01,2022-01-15T17:00:00,,2,F-1; M-1\r\n';
    assert.equal(
      planYaml(scheduleToPlan(readScheduleCsv(text))),
      `milestones:
  M-1:
    name: Data Preview 0, the first
    due: 2021-06-30
    completed: 2021-07-02
    level: 1
  M-2:
    name: Second
    due: 2021-12-01
    forecast: 2022-01-15
    level: 2
    predecessors:
      - F-1
      - M-1

features:
  F-1:
    name: Ingest
    due: 2021-05-01
    forecast: 2021-05-20
    predecessors:
      - M-1
`,
    );
  });

  test('--map names the columns of a sheet with other headers', () => {
    const text = 'Key,Title,Is milestone,Target\nR1,Release one,yes,2021-03-01\n';
    const plan = scheduleToPlan(readScheduleCsv(text, { id: 'key', name: 'Title', type: 'IS MILESTONE', finish: 'Target' }));
    assert.deepEqual(plan.items, [{ id: 'R1', kind: 'milestone', name: 'Release one', due: '2021-03-01', forecast: undefined, completed: undefined, level: undefined, wbs: undefined, predecessors: [], features: [], place: 'line 2' }]);
    assert.throws(() => readScheduleCsv(text, { id: 'Code' }), { message: '--map id=Code: the header has no column "Code"; it has Key, Title, Is milestone, Target.' });
  });

  test('bad rows: an unknown date, a repeated ID, an unknown predecessor, a quote left open, no ID column', () => {
    const failure = (text: string) => {
      try {
        readScheduleCsv(text);
        return 'read';
      } catch (error) {
        return `${(error as { place: string }).place}: ${(error as Error).message}`;
      }
    };
    assert.equal(failure('id,name,finish\nA,One,2021-03-01\nB,Two,3/4/21\n'), 'line 3: the finish of B "3/4/21" is not a date in a form this reader knows (YYYY-MM-DD, optionally with HH:MM): export the dates in ISO form.');
    assert.equal(failure('id,name,finish\nA,One,2021-03-01\nA,Two,2021-03-02\n'), 'line 3: the ID A is used by two rows (also line 2).');
    assert.equal(failure('id,name,finish,predecessors\nA,One,2021-03-01,Z\n'), 'line 2: A names the predecessor Z, which no row has.');
    assert.match(failure('id,name,finish\nA,"One,2021-03-01\n'), /^line 2: The quote opened in/);
    assert.equal(failure('name,finish\nOne,2021-03-01\n'), 'line 1: no column for the activity\'s ID among name, finish: name it with --map id=COLUMN.');
  });
});
