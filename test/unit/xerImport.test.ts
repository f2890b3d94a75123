// P6 XER files as plans: fields read by name whatever their order (P6 5.0 and 23.12), several
// projects and the links across them, line ends, a missing final line break, user-field and
// activity-code levels, the WBS path, lags; and each kind of bad file, with the line it names.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ScheduleError } from '../../server/src/service/schedules/schedule';
import { planYaml, scheduleToPlan, type ImportOptions } from '../../server/src/service/schedules/scheduleToPlan';
import { readXer } from '../../server/src/service/schedules/xer';
import { projectFields, task, taskFieldsV23, taskFieldsV5, taskPredFields, wbsFields, xerText, type XerShape, type XerTable } from '../helpers/schedules';

const project: XerTable = { fields: projectFields, rows: [{ proj_id: '100', proj_short_name: 'DM', last_recalc_date: '2021-08-01 00:00' }] };
const wbs: XerTable = {
  fields: wbsFields,
  rows: [
    { wbs_id: '10', proj_id: '100', proj_node_flag: 'Y', wbs_short_name: 'DM', parent_wbs_id: '1' },
    { wbs_id: '11', proj_id: '100', proj_node_flag: 'N', wbs_short_name: '02C', parent_wbs_id: '10' },
    { wbs_id: '12', proj_id: '100', proj_node_flag: 'N', wbs_short_name: '03', parent_wbs_id: '11' },
  ],
};

function releaseTasks(fields: string[]): XerTable {
  return {
    fields,
    rows: [
      task('1001', 'LDM-503-01', 'Science Platform with WISE data', 'TT_FinMile', '2021-03-01 17:00', { status_code: 'TK_Complete', act_end_date: '2021-03-04 12:00' }),
      task('1002', 'DM-AP-1', 'Alert Production pipeline', 'TT_Task', '2021-05-14 17:00', { early_end_date: '2021-06-30 17:00', wbs_id: '12' }),
      task('1003', 'LDM-503-02', 'HSC reprocessing', 'TT_FinMile', '2021-06-01 17:00', { early_end_date: '2021-07-15 17:00' }),
      task('1004', 'START', 'Start of construction', 'TT_Mile', '', { target_start_date: '2020-01-06 08:00', early_start_date: '2020-01-06 08:00' }),
      task('1005', 'DM', 'A WBS summary', 'TT_WBS', '2021-06-01 17:00'),
    ],
  };
}

const links: XerTable = {
  fields: taskPredFields,
  rows: [
    { task_pred_id: '1', task_id: '1002', pred_task_id: '1001', pred_type: 'PR_FS', lag_hr_cnt: '0' },
    { task_pred_id: '2', task_id: '1003', pred_task_id: '1002', pred_type: 'PR_SS', lag_hr_cnt: '12.5' },
    { task_pred_id: '3', task_id: '1003', pred_task_id: '1001', pred_type: 'PR_FF', lag_hr_cnt: '-8' },
  ],
};

function imported(tables: Record<string, XerTable>, shape: XerShape = {}, options: ImportOptions & { project?: string } = {}): string {
  return planYaml(scheduleToPlan(readXer(xerText(tables, shape), { project: options.project }), options));
}

const expectedPlan = `title: DM
asOf: 2021-08-01

milestones:
  LDM-503-01:
    name: Science Platform with WISE data
    due: 2021-03-01
    completed: 2021-03-04
  LDM-503-02:
    name: HSC reprocessing
    due: 2021-06-01
    forecast: 2021-07-15
    predecessors:
      - DM-AP-1  # start-to-start, lag 12.5 h
      - LDM-503-01  # finish-to-finish, lead 8 h
  START:
    name: Start of construction
    due: 2020-01-06

features:
  DM-AP-1:
    name: Alert Production pipeline
    due: 2021-05-14
    forecast: 2021-06-30
    wbs: 02C.03
    predecessors:
      - LDM-503-01
`;

describe('P6 XER import', () => {
  test('P6 5.0 and 23.12 field orders give the same plan: milestones, activities as features, dates, links with their type and lag', () => {
    assert.equal(imported({ PROJECT: project, PROJWBS: wbs, TASK: releaseTasks(taskFieldsV5), TASKPRED: links }), expectedPlan);
    assert.equal(imported({ PROJECT: project, PROJWBS: wbs, TASK: releaseTasks(taskFieldsV23), TASKPRED: links }, { version: '23.12' }), expectedPlan);
  });

  test('CRLF or LF, a final %E with or without a line break, a byte-order mark, and tables it does not read are all alike', () => {
    const tables = { CURRTYPE: { fields: ['curr_id', 'curr_short_name'], rows: [{ curr_id: '1', curr_short_name: 'USD' }] }, PROJECT: project, PROJWBS: wbs, TASK: releaseTasks(taskFieldsV23), TASKMEMO: { fields: ['memo_id', 'task_memo'], rows: [{ memo_id: '1', task_memo: '<html>a\u0093quoted\u0094 memo</html>' }] }, TASKPRED: links };
    for (const shape of [{ eol: '\n' }, { eol: '\r\n', finalNewline: false }, { eol: '\n', finalNewline: false }]) assert.equal(imported(tables, shape), expectedPlan, JSON.stringify(shape));
    assert.equal(planYaml(scheduleToPlan(readXer(`\uFEFF${xerText(tables)}`))), expectedPlan);
  });

  test('a level from a TASK user field, or else from an activity code whose type says level', () => {
    const tables: Record<string, XerTable> = {
      PROJECT: project,
      TASK: releaseTasks(taskFieldsV23),
      UDFTYPE: { fields: ['udf_type_id', 'table_name', 'udf_type_name', 'udf_type_label', 'logical_data_type'], rows: [{ udf_type_id: '7', table_name: 'TASK', udf_type_name: 'user_field_7', udf_type_label: 'Milestone Level', logical_data_type: 'FT_INT' }, { udf_type_id: '8', table_name: 'PROJECT', udf_type_label: 'Level of effort' }] },
      UDFVALUE: { fields: ['udf_type_id', 'fk_id', 'proj_id', 'udf_date', 'udf_number', 'udf_text'], rows: [{ udf_type_id: '7', fk_id: '1001', udf_number: '2' }, { udf_type_id: '8', fk_id: '1003', udf_number: '9' }] },
      ACTVTYPE: { fields: ['actv_code_type_id', 'actv_short_len', 'seq_num', 'actv_code_type', 'actv_code_type_scope'], rows: [{ actv_code_type_id: '3', actv_code_type: 'Level' }] },
      ACTVCODE: { fields: ['actv_code_id', 'parent_actv_code_id', 'actv_code_type_id', 'actv_code_name', 'short_name'], rows: [{ actv_code_id: '31', actv_code_type_id: '3', actv_code_name: 'Level 3', short_name: 'L3' }] },
      TASKACTV: { fields: ['task_id', 'actv_code_type_id', 'actv_code_id', 'proj_id'], rows: [{ task_id: '1003', actv_code_type_id: '3', actv_code_id: '31' }, { task_id: '1001', actv_code_type_id: '3', actv_code_id: '31' }] },
    };
    const plan = scheduleToPlan(readXer(xerText(tables)));
    assert.deepEqual(
      plan.items.map((item) => [item.id, item.level]),
      [['LDM-503-01', 2], ['DM-AP-1', undefined], ['LDM-503-02', 3], ['START', undefined]],
    );
  });

  test('several projects: --project keeps one; without it, a code two projects use is qualified by the project, and links across projects are kept', () => {
    const tables = {
      PROJECT: { fields: projectFields, rows: [{ proj_id: '100', proj_short_name: 'DM' }, { proj_id: '200', proj_short_name: 'CAM' }] },
      TASK: { fields: taskFieldsV23, rows: [task('1', 'M1', 'DM first light', 'TT_FinMile', '2021-01-01 17:00'), task('2', 'M1', 'Camera shipped', 'TT_FinMile', '2020-11-02 17:00', { proj_id: '200' }), task('3', 'C-9', 'Camera on sky', 'TT_FinMile', '2021-02-01 17:00', { proj_id: '200' })] },
      TASKPRED: { fields: taskPredFields, rows: [{ task_id: '1', pred_task_id: '2', proj_id: '100', pred_proj_id: '200', pred_type: 'PR_FS', lag_hr_cnt: '0' }, { task_id: '3', pred_task_id: '1', proj_id: '200', pred_proj_id: '100', pred_type: 'PR_FS', lag_hr_cnt: '0' }] },
    };
    const all = scheduleToPlan(readXer(xerText(tables)));
    assert.deepEqual(all.items.map((item) => [item.id, item.predecessors.map((link) => link.id)]), [['DM.M1', ['CAM.M1']], ['CAM.M1', []], ['C-9', ['DM.M1']]]);
    assert.deepEqual(all.notes, ['line 8: "M1" is imported as DM.M1: its code is used in more than one project.', 'line 9: "M1" is imported as CAM.M1: its code is used in more than one project.']);
    const camera = scheduleToPlan(readXer(xerText(tables), { project: 'CAM' }));
    assert.deepEqual(camera.items.map((item) => [item.id, item.predecessors.map((link) => link.id)]), [['M1', []], ['C-9', []]]);
    assert.throws(() => readXer(xerText(tables), { project: 'TEL' }), { message: 'no project TEL in the file; it holds DM, CAM.' });
  });

  test('--milestones-only follows links through the activities it leaves out; --prefix keeps the codes it names', () => {
    const tables = { PROJECT: project, TASK: releaseTasks(taskFieldsV23), TASKPRED: links };
    assert.deepEqual(
      scheduleToPlan(readXer(xerText(tables)), { milestonesOnly: true }).items.map((item) => [item.id, item.predecessors]),
      [
        ['LDM-503-01', []],
        ['LDM-503-02', [{ id: 'LDM-503-01', note: 'finish-to-finish, lead 8 h' }]],
        ['START', []],
      ],
    );
    const noDirectLink = { ...tables, TASKPRED: { fields: taskPredFields, rows: links.rows.slice(0, 2) } };
    assert.deepEqual(scheduleToPlan(readXer(xerText(noDirectLink)), { milestonesOnly: true }).items[1]!.predecessors, [{ id: 'LDM-503-01', note: 'through 1 activity not imported' }]);
    assert.deepEqual(scheduleToPlan(readXer(xerText(tables)), { prefixes: ['LDM-', 'DM-'] }).items.map((item) => item.id), ['LDM-503-01', 'DM-AP-1', 'LDM-503-02']);
  });

  test('--features lists an activity that leads straight to a milestone as its feature', () => {
    const plan = scheduleToPlan(readXer(xerText({ PROJECT: project, TASK: releaseTasks(taskFieldsV23), TASKPRED: links })), { features: true });
    const release = plan.items.find((item) => item.id === 'LDM-503-02')!;
    assert.deepEqual(release.features, ['DM-AP-1']);
    assert.deepEqual(release.predecessors, [{ id: 'LDM-503-01', note: 'finish-to-finish, lead 8 h' }]);
  });

  test('codes that are not IDs are made valid and unique, and each change is reported', () => {
    const tables = { TASK: { fields: taskFieldsV23, rows: [task('1', 'A 100/Ä', 'One', 'TT_FinMile', '2021-01-01 17:00'), task('2', '#A-100-A', 'Two', 'TT_FinMile', '2021-01-02 17:00'), task('3', 'true', 'Three', 'TT_FinMile', '2021-01-03 17:00')] } };
    const plan = scheduleToPlan(readXer(xerText(tables)));
    assert.deepEqual(plan.items.map((item) => item.id), ['A-100-A', 'A-100-A-2', 'true']);
    assert.deepEqual(plan.notes, ['line 4: "A 100/Ä" is imported as A-100-A: its code is not a valid ID (letters, digits, ".", "_", "-").', 'line 5: "#A-100-A" is imported as A-100-A-2: its code is not a valid ID (letters, digits, ".", "_", "-").']);
    assert.match(planYaml(plan), /^ {2}"true":$/m);
  });
});

describe('P6 XER import: bad files', () => {
  const good = { PROJECT: project, TASK: releaseTasks(taskFieldsV23), TASKPRED: links };
  const failure = (text: string) => {
    try {
      scheduleToPlan(readXer(text));
    } catch (error) {
      assert.ok(error instanceof ScheduleError, String(error));
      return `${error.place}: ${error.message}`;
    }
    return 'read without an error';
  };

  test('each names its line and says what is wrong', () => {
    const text = xerText(good);
    const lines = text.split('\r\n');
    assert.equal(failure(text.slice(0, text.indexOf('%T\tTASKPRED') + 40)), 'line 13: the file ends without the %E that closes an XER export: it was cut short; export it again.');
    assert.equal(failure(xerText(good, { truncated: true })), 'line 16: the file ends without the %E that closes an XER export: it was cut short; export it again.');
    assert.equal(failure('<?xml version="1.0"?>\n<Project/>'), 'line 1: not a Primavera P6 XER file: it does not start with ERMHDR.');
    assert.equal(failure(''), 'line 1: the file is empty, not a Primavera P6 XER file.');
    assert.equal(failure(xerText({ PROJECT: project })), 'line 1: no TASK table: this is not a P6 export of activities.');
    const damaged = [...lines];
    damaged[6] = `${damaged[6]}\textra\tfields`;
    assert.match(failure(damaged.join('\r\n')), /^line 7: a TASK row of 39 fields, where its field list names 37: the row is damaged\.$/);
    const stray = [...lines];
    stray.splice(8, 0, 'garbage in the middle');
    assert.equal(failure(stray.join('\r\n')), 'line 9: a line that is not %T, %F, %R or %E: "garbage in the middle".');
  });

  test('duplicate codes, links to missing activities, unknown dates and link types', () => {
    const twice = { ...good, TASK: { fields: taskFieldsV23, rows: [...releaseTasks(taskFieldsV23).rows, task('1009', 'DM-AP-1', 'Again', 'TT_Task', '2021-01-01 17:00')] } };
    assert.equal(failure(xerText(twice)), 'line 12: the activity code DM-AP-1 is used twice in one project (also at line 8): give each activity its own code in P6.');
    const dangling = { ...good, TASKPRED: { fields: taskPredFields, rows: [{ task_id: '1002', pred_task_id: '999', pred_type: 'PR_FS', lag_hr_cnt: '0' }] } };
    assert.equal(failure(xerText(dangling)), 'line 14: a link from 999 to 1002, but no TASK row is activity 999: the export is incomplete.');
    const badDate = { ...good, TASK: { fields: taskFieldsV23, rows: [task('1', 'M1', 'One', 'TT_FinMile', '01/03/2021 17:00')] } };
    assert.equal(failure(xerText(badDate)), 'line 7: TASK target_end_date of M1 "01/03/2021 17:00" is not a date in a form this reader knows (YYYY-MM-DD, optionally with HH:MM): export the dates in ISO form.');
    const badType = { ...good, TASKPRED: { fields: taskPredFields, rows: [{ task_id: '1002', pred_task_id: '1001', pred_type: 'PR_XX', lag_hr_cnt: 'x' }] } };
    assert.equal(failure(xerText(badType)), 'line 14: the link type "PR_XX" from 1001 to 1002 is none of PR_FS, PR_SS, PR_FF, PR_SF.');
  });
});
