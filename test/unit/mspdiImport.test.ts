// Microsoft Project XML (MSPDI) as plans: Project 2003 to 2019 and ProjectLibre's export (no
// SaveVersion, Milestone and Summary always 0), the UID 0 project summary, baselines 0–10 that may
// lack a finish, the four link types with LinkLag in tenths of a minute, manually scheduled tasks;
// and files that are not MSPDI.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readMspdi } from '../../server/src/service/schedules/mspdi';
import { ScheduleError } from '../../server/src/service/schedules/schedule';
import { planYaml, scheduleToPlan } from '../../server/src/service/schedules/scheduleToPlan';
import { mspdiText, type MspdiTask } from '../helpers/schedules';

const tasks: MspdiTask[] = [
  { uid: 1, name: 'Data Management', wbs: '1', outlineLevel: 1, start: '2021-01-04T08:00:00', finish: '2021-09-30T17:00:00', summary: true },
  { uid: 2, name: 'Kick-off', wbs: '1.1', outlineLevel: 2, start: '2021-01-04T08:00:00', finish: '2021-01-04T08:00:00', milestone: true, actualFinish: '2021-01-04T08:00:00' },
  {
    uid: 5,
    name: 'Alert Production & friends',
    wbs: '1.2',
    outlineLevel: 2,
    start: '2021-02-01T08:00:00',
    finish: '2021-04-30T17:00:00',
    duration: 'PT520H0M0S',
    manual: true,
    baselines: [{ number: 1, finish: '2021-03-01T17:00:00' }, { number: 0, start: '2021-02-01T08:00:00' }],
    links: [{ uid: 2, type: 1, lag: 4800 }],
  },
  {
    uid: 3,
    name: 'First release',
    wbs: '1.3',
    outlineLevel: 2,
    start: '2021-05-10T17:00:00',
    finish: '2021-05-10T17:00:00',
    milestone: true,
    baselines: [{ number: 0, start: '2021-04-30T17:00:00', finish: '2021-04-30T17:00:00' }, { number: 10, finish: '2020-12-01T17:00:00' }],
    links: [{ uid: 5, type: 3, lag: -2400 }, { uid: 2, type: 0 }, { uid: 2, type: 2, lag: 600 }, { uid: 77, crossProject: true }],
  },
];

const expected = `title: DM schedule
asOf: 2021-04-01

milestones:
  "1.1":
    name: Kick-off
    due: 2021-01-04
    completed: 2021-01-04
  "1.3":
    name: First release
    due: 2021-04-30
    forecast: 2021-05-10
    predecessors:
      - "1.2"  # start-to-start, lead 4 h
      - "1.1"  # finish-to-finish

features:
  "1.2":
    name: Alert Production & friends
    due: 2021-04-30
    predecessors:
      - "1.1"  # finish-to-start, lag 8 h
`;

const plan = (text: string, idField?: 'wbs' | 'id' | 'uid') => planYaml(scheduleToPlan(readMspdi(text, { idField })));

describe('MSPDI import', () => {
  test('Project 2019: milestones by their flag, the summary left out, Baseline 0 as due, four link types and their lags', () => {
    assert.equal(plan(mspdiText(tasks, { saveVersion: 14, title: 'DM schedule', statusDate: '2021-04-01T08:00:00' })), expected);
  });

  test('ProjectLibre: no SaveVersion, Milestone and Summary always 0: a zero duration is a milestone, the outline gives the summary; tabs and CRLF', () => {
    const libre = mspdiText(tasks, { flags: false, title: 'DM schedule', statusDate: '2021-04-01T08:00:00', projectSummary: false, eol: '\r\n' }).replace(/ {2}/g, '\t');
    assert.equal(plan(libre), expected);
  });

  test('Project 2003: no SaveVersion and no encoding declared; an empty WBS falls back to the ID; --id chooses the ID or UID, and the WBS is kept', () => {
    const old = mspdiText(
      tasks.map((task) => ({ ...task, wbs: task.uid === 5 ? '' : task.wbs })),
      { header: '<?xml version="1.0"?>', title: 'DM schedule' },
    ).replace(/\n\s*/g, '');
    assert.deepEqual(scheduleToPlan(readMspdi(old)).items.map((item) => item.id), ['1.1', '1.3', '5']);
    assert.deepEqual(scheduleToPlan(readMspdi(old, { idField: 'uid' })).items.map((item) => [item.id, item.wbs]), [['2', undefined], ['3', undefined], ['5', undefined]]);
    assert.equal(scheduleToPlan(readMspdi(old, { idField: 'uid' })).items[2]!.kind, 'feature');
    assert.deepEqual(scheduleToPlan(readMspdi(mspdiText(tasks), { idField: 'uid' })).items.map((item) => [item.id, item.wbs]), [['2', undefined], ['3', undefined], ['5', '1.2']]);
  });

  test('a task of 100% without an actual finish is completed on its finish', () => {
    const done = mspdiText([{ uid: 1, name: 'Done', start: '2021-01-04T08:00:00', finish: '2021-01-05T17:00:00', percentComplete: 100 }]);
    assert.equal(scheduleToPlan(readMspdi(done)).items[0]!.completed, '2021-01-05');
  });

  test('files that are not MSPDI, and bad links, name their line', () => {
    const failure = (text: string) => {
      try {
        readMspdi(text);
      } catch (error) {
        assert.ok(error instanceof ScheduleError);
        return `${error.place}: ${error.message}`;
      }
      return 'read';
    };
    assert.equal(failure('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'line 1: not a Microsoft Project XML (MSPDI) file: its root element is <svg>, not <Project>.');
    assert.equal(failure('<Project>\n  <Tasks>\n    <Task><UID>1</UID>\n  </Tasks>\n</Project>'), "line 4: the XML is not well formed: Expected closing tag 'Task' (opened in line 3, col 5) instead of closing tag 'Tasks'.");
    const dangling = mspdiText([{ uid: 1, name: 'A', start: '2021-01-04T08:00:00', finish: '2021-01-05T17:00:00', links: [{ uid: 9 }] }]);
    assert.equal(failure(dangling), 'task UID 1 (line 17): task UID 1 has a predecessor UID 9, which the file does not have.');
    const badDate = mspdiText([{ uid: 1, name: 'A', start: '2021-01-04T08:00:00', finish: 'next Tuesday' }], { projectSummary: false });
    assert.equal(failure(badDate), 'task UID 1 (line 5): Finish of task UID 1 "next Tuesday" is not a date in a form this reader knows (YYYY-MM-DD, optionally with HH:MM): export the dates in ISO form.');
    const twice = mspdiText([{ uid: 1, name: 'A', wbs: '1', start: '2021-01-04T08:00:00', finish: '2021-01-05T17:00:00' }, { uid: 2, name: 'B', wbs: '1', start: '2021-01-04T08:00:00', finish: '2021-01-05T17:00:00' }]);
    assert.equal(failure(twice), 'task UID 2 (line 30): the WBS code 1 is used by two tasks (also task UID 1 (line 17)): import with --id uid.');
  });
});
