// Primavera P6's tables (from an XER file or the spreadsheet export) as a schedule: TASK and
// TASKPRED, with PROJECT (several projects in one file), PROJWBS (the WBS path), and a level read
// from a user field (UDFTYPE/UDFVALUE) or an activity code (ACTVTYPE/ACTVCODE/TASKACTV) whose
// name says "level". Every field is found by its name.
import { ScheduleError, scheduleDate, type Activity, type ActivityKind, type LinkType, type Schedule, type ScheduleFormat, type ScheduleLink, type ScheduleProject } from './schedule';

export interface P6Row {
  values: string[];
  place: string;
}

export interface P6Table {
  name: string;
  fields: string[];
  rows: P6Row[];
  /** Where the table starts (its %T line, or its sheet). */
  place: string;
}

export const p6TableNames: ReadonlySet<string> = new Set(['PROJECT', 'PROJWBS', 'TASK', 'TASKPRED', 'UDFTYPE', 'UDFVALUE', 'ACTVTYPE', 'ACTVCODE', 'TASKACTV']);

/** Reads a table's rows by field name. */
class Fields {
  private readonly index = new Map<string, number>();
  constructor(readonly table: P6Table) {
    table.fields.forEach((field, position) => this.index.set(field.trim(), position));
  }
  has(field: string): boolean {
    return this.index.has(field);
  }
  require(field: string): void {
    if (!this.has(field)) throw new ScheduleError(this.table.place, `the ${this.table.name} table has no ${field} field.`);
  }
  get(row: P6Row, field: string): string {
    const position = this.index.get(field);
    if (position === undefined) return '';
    if (row.values.length > this.table.fields.length) {
      throw new ScheduleError(row.place, `a ${this.table.name} row of ${row.values.length} fields, where its field list names ${this.table.fields.length}: the row is damaged.`);
    }
    return (row.values[position] ?? '').trim();
  }
}

const milestoneTypes = new Set(['TT_Mile', 'TT_FinMile', 'Start Milestone', 'Finish Milestone']);
const summaryTypes = new Set(['TT_WBS', 'WBS Summary']);
const completeStates = new Set(['TK_Complete', 'Completed', 'Complete']);
const linkTypes: Record<string, LinkType> = { PR_FS: 'FS', PR_SS: 'SS', PR_FF: 'FF', PR_SF: 'SF', FS: 'FS', SS: 'SS', FF: 'FF', SF: 'SF', 'Finish to Start': 'FS', 'Start to Start': 'SS', 'Finish to Finish': 'FF', 'Start to Finish': 'SF' };
/** Labels a spreadsheet export writes in its second row, under the field names. */
const labelRows = new Set(['Activity ID', 'Predecessor', 'Successor', 'Activity Name']);

export function p6Schedule(tables: Map<string, P6Table>, format: ScheduleFormat, options: { project?: string } = {}): Schedule {
  const taskTable = tables.get('TASK');
  if (!taskTable) throw new ScheduleError(format === 'xer' ? 'line 1' : '', `no TASK ${format === 'xer' ? 'table' : 'sheet'}: this is not a P6 export of activities.`);
  const projects = readProjects(tables.get('PROJECT'));
  const wanted = options.project === undefined ? undefined : projects.find((project) => project.code === options.project);
  if (options.project !== undefined && !wanted) {
    const known = projects.map((project) => project.code).join(', ');
    throw new ScheduleError(tables.get('PROJECT')?.place ?? taskTable.place, `no project ${options.project} in the file${known ? `; it holds ${known}` : ''}.`);
  }
  const wbsPaths = readWbsPaths(tables.get('PROJWBS'));
  const levels = readLevels(tables);
  const tasks = new Fields(taskTable);
  tasks.require('task_code');
  const keyField = tasks.has('task_id') ? 'task_id' : 'task_code';
  const activities: Activity[] = [];
  const allKeys = new Map<string, string>();
  const codes = new Map<string, string>();
  for (const row of taskTable.rows) {
    const code = tasks.get(row, 'task_code');
    if (labelRows.has(code)) continue;
    const key = tasks.get(row, keyField);
    const projectKey = tasks.get(row, 'proj_id') || undefined;
    if (key === '') throw new ScheduleError(row.place, `a TASK row without its ${keyField}.`);
    const earlier = allKeys.get(key);
    if (earlier) throw new ScheduleError(row.place, `the activity ${key} is written twice in TASK (also at ${earlier}).`);
    allKeys.set(key, row.place);
    if (wanted && projectKey !== wanted.key) continue;
    const codeKey = `${projectKey ?? ''}\t${code}`;
    const before = codes.get(codeKey);
    if (before) throw new ScheduleError(row.place, `the activity code ${code} is used twice in one project (also at ${before}): give each activity its own code in P6.`);
    codes.set(codeKey, row.place);
    const type = tasks.get(row, 'task_type');
    const kind: ActivityKind = milestoneTypes.has(type) ? 'milestone' : summaryTypes.has(type) ? 'summary' : 'task';
    const startMilestone = type === 'TT_Mile' || type === 'Start Milestone';
    const date = (field: string) => scheduleDate(tasks.get(row, field), row.place, `TASK ${field} of ${code}`);
    const finish = (end: string, start: string) => date(end) ?? (startMilestone ? date(start) : undefined);
    const actual = finish('act_end_date', 'act_start_date');
    const completed = completeStates.has(tasks.get(row, 'status_code'));
    const wbsId = tasks.get(row, 'wbs_id');
    activities.push({
      key,
      code,
      name: tasks.get(row, 'task_name'),
      projectKey,
      kind,
      baselineFinish: tasks.has('base_end_date') ? finish('base_end_date', 'base_start_date') : undefined,
      plannedFinish: finish('target_end_date', 'target_start_date'),
      currentFinish: completed ? actual : tasks.has('end_date') ? finish('end_date', 'start_date') : finish('early_end_date', 'early_start_date'),
      actualFinish: completed ? actual : undefined,
      level: levels.get(key),
      wbs: wbsPaths.get(wbsId) || undefined,
      place: row.place,
    });
  }
  const links = readLinks(tables.get('TASKPRED'), allKeys, new Map(activities.map((activity) => [activity.code, activity.key])));
  const dataDate = wanted?.dataDate ?? (projects.length === 1 ? projects[0]!.dataDate : undefined);
  return { format, projects, activities, links, dataDate, title: wanted?.name ?? (projects.length === 1 ? projects[0]!.name : undefined) };
}

function readProjects(table: P6Table | undefined): (ScheduleProject & { dataDate?: string })[] {
  if (!table) return [];
  const fields = new Fields(table);
  return table.rows.map((row) => ({
    key: fields.get(row, 'proj_id'),
    code: fields.get(row, 'proj_short_name'),
    name: fields.get(row, 'proj_short_name') || undefined,
    dataDate: scheduleDate(fields.get(row, 'last_recalc_date'), row.place, 'PROJECT last_recalc_date'),
  }));
}

/** Each WBS node's path of short names below its project's node: `1.2.3`. */
function readWbsPaths(table: P6Table | undefined): Map<string, string> {
  const paths = new Map<string, string>();
  if (!table) return paths;
  const fields = new Fields(table);
  const nodes = new Map<string, { parent: string; name: string; projectNode: boolean }>();
  for (const row of table.rows) {
    nodes.set(fields.get(row, 'wbs_id'), { parent: fields.get(row, 'parent_wbs_id'), name: fields.get(row, 'wbs_short_name'), projectNode: fields.get(row, 'proj_node_flag') === 'Y' });
  }
  const pathOf = (id: string, depth: number): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    // A loop of parents (a damaged file) stops at a depth no real WBS reaches.
    if (!node || node.projectNode || depth > 100) return '';
    const parent = pathOf(node.parent, depth + 1);
    const path = parent ? `${parent}.${node.name}` : node.name;
    paths.set(id, path);
    return path;
  };
  for (const id of nodes.keys()) pathOf(id, 0);
  return paths;
}

/** A level per task key, from a TASK user field or an activity code type whose name holds "level". */
function readLevels(tables: Map<string, P6Table>): Map<string, number> {
  const levels = new Map<string, number>();
  const number = (text: string) => {
    const digits = /-?\d+/.exec(text);
    return digits ? Number(digits[0]) : undefined;
  };
  const udfTypes = tables.get('UDFTYPE');
  const udfValues = tables.get('UDFVALUE');
  if (udfTypes && udfValues) {
    const types = new Fields(udfTypes);
    const levelTypes = new Set(udfTypes.rows.filter((row) => types.get(row, 'table_name') === 'TASK' && /\blevel\b/i.test(types.get(row, 'udf_type_label'))).map((row) => types.get(row, 'udf_type_id')));
    const values = new Fields(udfValues);
    for (const row of udfValues.rows) {
      if (!levelTypes.has(values.get(row, 'udf_type_id'))) continue;
      const level = number(values.get(row, 'udf_number') || values.get(row, 'udf_text'));
      if (level !== undefined) levels.set(values.get(row, 'fk_id'), level);
    }
  }
  const codeTypes = tables.get('ACTVTYPE');
  const codes = tables.get('ACTVCODE');
  const assigned = tables.get('TASKACTV');
  if (codeTypes && codes && assigned) {
    const types = new Fields(codeTypes);
    const levelTypes = new Set(codeTypes.rows.filter((row) => /\blevel\b/i.test(types.get(row, 'actv_code_type'))).map((row) => types.get(row, 'actv_code_type_id')));
    const codeFields = new Fields(codes);
    const codeLevels = new Map(codes.rows.map((row) => [codeFields.get(row, 'actv_code_id'), number(codeFields.get(row, 'short_name'))]));
    const fields = new Fields(assigned);
    for (const row of assigned.rows) {
      if (!levelTypes.has(fields.get(row, 'actv_code_type_id'))) continue;
      const level = codeLevels.get(fields.get(row, 'actv_code_id'));
      const task = fields.get(row, 'task_id');
      if (level !== undefined && !levels.has(task)) levels.set(task, level);
    }
  }
  return levels;
}

/** TASKPRED's links; one naming an activity that no TASK row has is an error. */
function readLinks(table: P6Table | undefined, keys: Map<string, string>, keyOfCode: Map<string, string>): ScheduleLink[] {
  if (!table) return [];
  const fields = new Fields(table);
  fields.require('task_id');
  fields.require('pred_task_id');
  const links: ScheduleLink[] = [];
  // The spreadsheet export names activities by their codes.
  const resolve = (value: string) => (keys.has(value) ? value : keyOfCode.get(value));
  for (const row of table.rows) {
    const successorText = fields.get(row, 'task_id');
    const predecessorText = fields.get(row, 'pred_task_id');
    if (labelRows.has(successorText) || labelRows.has(predecessorText)) continue;
    const successor = resolve(successorText);
    const predecessor = resolve(predecessorText);
    if (successor === undefined || predecessor === undefined) {
      const missing = successor === undefined ? successorText : predecessorText;
      throw new ScheduleError(row.place, `a link from ${predecessorText} to ${successorText}, but no TASK row is activity ${missing}: the export is incomplete.`);
    }
    const typeText = fields.get(row, 'pred_type') || 'PR_FS';
    const type = linkTypes[typeText];
    if (!type) throw new ScheduleError(row.place, `the link type "${typeText}" from ${predecessorText} to ${successorText} is none of PR_FS, PR_SS, PR_FF, PR_SF.`);
    const lagText = fields.get(row, 'lag_hr_cnt') || '0';
    const lagHours = Number(lagText);
    if (!Number.isFinite(lagHours)) throw new ScheduleError(row.place, `the lag "${lagText}" of the link from ${predecessorText} to ${successorText} is not a number of hours.`);
    links.push({ predecessor, successor, type, lagHours, place: row.place });
  }
  return links;
}
