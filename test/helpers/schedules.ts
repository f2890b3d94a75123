// Schedules written by the tests, in the shapes of real exports: XER tables whose fields are given
// by name (so that each test can order them as one P6 version does), and MSPDI project files.

export interface XerTable {
  fields: string[];
  /** Each row by field name; fields not given are empty. */
  rows: Record<string, string>[];
}

export interface XerShape {
  eol?: string;
  /** Whether the final `%E` has a line break after it. */
  finalNewline?: boolean;
  /** Leave out the final `%E`, as a file cut short. */
  truncated?: boolean;
  version?: string;
}

/** An XER file's text: the ERMHDR line, then each table with its %F fields and %R rows. */
export function xerText(tables: Record<string, XerTable>, shape: XerShape = {}): string {
  const eol = shape.eol ?? '\r\n';
  const lines = [`ERMHDR\t${shape.version ?? '8.1'}\t2017-09-27\tProject\tadmin\tAdmin\tdbxDatabaseNoName\tProject Management\tUSD`];
  for (const [name, table] of Object.entries(tables)) {
    lines.push(`%T\t${name}`, `%F\t${table.fields.join('\t')}`);
    for (const row of table.rows) lines.push(`%R\t${table.fields.map((field) => row[field] ?? '').join('\t')}`);
  }
  const body = lines.map((line) => `${line}${eol}`).join('');
  return shape.truncated ? body : `${body}%E${shape.finalNewline === false ? '' : eol}`;
}

/** TASK's fields as P6 5.0 orders them (a review_type field, no location_id). */
export const taskFieldsV5 = ['task_id', 'proj_id', 'wbs_id', 'clndr_id', 'phys_complete_pct', 'rev_fdbk_flag', 'est_wt', 'complete_pct_type', 'task_type', 'duration_type', 'review_type', 'status_code', 'task_code', 'task_name', 'rsrc_id', 'total_float_hr_cnt', 'free_float_hr_cnt', 'remain_drtn_hr_cnt', 'cstr_date', 'act_start_date', 'act_end_date', 'late_start_date', 'late_end_date', 'expect_end_date', 'early_start_date', 'early_end_date', 'target_start_date', 'target_end_date', 'review_end_date', 'guid'];
/** TASK's fields as P6 23.12 orders them (no review_type, a location_id at the end). */
export const taskFieldsV23 = ['task_id', 'proj_id', 'wbs_id', 'clndr_id', 'phys_complete_pct', 'rev_fdbk_flag', 'est_wt', 'lock_plan_flag', 'auto_compute_act_flag', 'complete_pct_type', 'task_type', 'duration_type', 'status_code', 'task_code', 'task_name', 'rsrc_id', 'total_float_hr_cnt', 'free_float_hr_cnt', 'remain_drtn_hr_cnt', 'act_work_qty', 'cstr_date', 'act_start_date', 'act_end_date', 'late_start_date', 'late_end_date', 'expect_end_date', 'early_start_date', 'early_end_date', 'restart_date', 'reend_date', 'target_start_date', 'target_end_date', 'cstr_type', 'guid', 'create_date', 'update_date', 'location_id'];
export const taskPredFields = ['task_pred_id', 'task_id', 'pred_task_id', 'proj_id', 'pred_proj_id', 'pred_type', 'lag_hr_cnt', 'comments', 'float_path', 'aref', 'arls'];
export const projectFields = ['proj_id', 'fy_start_month_num', 'proj_short_name', 'clndr_id', 'last_recalc_date', 'plan_start_date', 'guid'];
export const wbsFields = ['wbs_id', 'proj_id', 'obs_id', 'seq_num', 'proj_node_flag', 'status_code', 'wbs_short_name', 'wbs_name', 'parent_wbs_id'];

/** A TASK row: a milestone or task of project 100, open unless `done` gives its actual finish. */
export function task(id: string, code: string, name: string, type: string, planned: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    task_id: id,
    proj_id: '100',
    wbs_id: '11',
    clndr_id: '5',
    task_type: type,
    status_code: 'TK_NotStart',
    task_code: code,
    task_name: name,
    target_start_date: planned,
    target_end_date: planned,
    early_start_date: planned,
    early_end_date: planned,
    remain_drtn_hr_cnt: '0',
    total_float_hr_cnt: '-12.5',
    ...extra,
  };
}

export interface MspdiTask {
  uid: number;
  id?: number;
  name: string;
  wbs?: string;
  outlineLevel?: number;
  start: string;
  finish: string;
  duration?: string;
  milestone?: boolean;
  summary?: boolean;
  manual?: boolean;
  actualFinish?: string;
  percentComplete?: number;
  baselines?: { number: number; start?: string; finish?: string }[];
  links?: { uid: number; type?: number; lag?: number; crossProject?: boolean }[];
  extra?: string;
}

/**
 * An MSPDI project file. `saveVersion` undefined writes none (Project 2003, ProjectLibre); `flags`
 * false writes Milestone and Summary as 0 whatever the task is, as ProjectLibre does.
 */
export function mspdiText(tasks: MspdiTask[], options: { saveVersion?: number; flags?: boolean; title?: string; statusDate?: string; projectSummary?: boolean; header?: string; eol?: string } = {}): string {
  const eol = options.eol ?? '\n';
  const flags = options.flags ?? true;
  const tag = (name: string, value: string | number | undefined, indent: string) => (value === undefined ? [] : [`${indent}<${name}>${value}</${name}>`]);
  const lines = [options.header ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<Project xmlns="http://schemas.microsoft.com/project">'];
  lines.push(...tag('SaveVersion', options.saveVersion, '  '), ...tag('Title', options.title, '  '), ...tag('StatusDate', options.statusDate, '  '));
  lines.push('  <MinutesPerDay>480</MinutesPerDay>', '  <Tasks>');
  const all = options.projectSummary === false ? tasks : [{ uid: 0, id: 0, name: options.title ?? 'Project', outlineLevel: 0, start: tasks[0]?.start ?? '', finish: tasks[tasks.length - 1]?.finish ?? '', summary: true } as MspdiTask, ...tasks];
  for (const task of all) {
    lines.push('    <Task>', ...tag('UID', task.uid, '      '), ...tag('ID', task.id ?? task.uid, '      '), ...tag('Name', escapeXml(task.name), '      '));
    lines.push(task.wbs === '' ? '      <WBS/>' : tag('WBS', task.wbs, '      ')[0] ?? '');
    lines.push(...tag('OutlineLevel', task.outlineLevel ?? 1, '      '), ...tag('Manual', task.manual ? 1 : undefined, '      '));
    lines.push(...tag('Start', task.start, '      '), ...tag('Finish', task.finish, '      '), ...tag('Duration', task.duration ?? (task.milestone ? 'PT0H0M0S' : 'PT8H0M0S'), '      '));
    lines.push(...tag('Milestone', flags && task.milestone ? 1 : 0, '      '), ...tag('Summary', flags && task.summary ? 1 : 0, '      '));
    lines.push(...tag('ActualFinish', task.actualFinish, '      '), ...tag('PercentComplete', task.percentComplete ?? (task.actualFinish ? 100 : 0), '      '));
    for (const link of task.links ?? []) {
      lines.push('      <PredecessorLink>', ...tag('PredecessorUID', link.uid, '        '), ...tag('Type', link.type ?? 1, '        '), ...tag('CrossProject', link.crossProject ? 1 : undefined, '        '), ...tag('LinkLag', link.lag, '        '), ...tag('LagFormat', link.lag === undefined ? undefined : 7, '        '), '      </PredecessorLink>');
    }
    for (const baseline of task.baselines ?? []) {
      lines.push('      <Baseline>', ...tag('Number', baseline.number, '        '), ...tag('Start', baseline.start, '        '), ...tag('Finish', baseline.finish, '        '), '        <Cost>0</Cost>', '      </Baseline>');
    }
    if (task.extra) lines.push(task.extra);
    lines.push('    </Task>');
  }
  lines.push('  </Tasks>', '</Project>');
  return lines.filter((line) => line !== '').map((line) => `${line}${eol}`).join('');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
