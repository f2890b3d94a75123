// A schedule kept as a CSV table with a header: one activity a row. Columns are found by their
// header (the usual names of P6, MS Project and hand-made sheets), or named with `--map field=column`.
import { readCsvRows } from '../glossary/csvRows';
import { ScheduleError, scheduleDate, type Activity, type Schedule, type ScheduleLink } from './schedule';

export const csvFields = ['id', 'name', 'type', 'baseline', 'finish', 'actual', 'level', 'wbs', 'predecessors'] as const;
export type CsvField = (typeof csvFields)[number];

/** The headers each field is looked for under, when not mapped (compared without case). */
const defaultColumns: Record<CsvField, string[]> = {
  id: ['id', 'code', 'activity id', 'task_code', 'task id'],
  name: ['name', 'activity name', 'task name', 'task_name'],
  type: ['type', 'milestone', 'activity type', 'task_type'],
  baseline: ['baseline finish', 'baseline', 'due', 'base_end_date', 'baseline1 finish'],
  finish: ['finish', 'forecast', 'current finish', 'end_date', 'planned finish', 'target_end_date'],
  actual: ['actual finish', 'actual', 'completed', 'act_end_date'],
  level: ['level'],
  wbs: ['wbs', 'wbs code'],
  predecessors: ['predecessors', 'predecessor'],
};

const milestoneValues = /^(1|y|yes|true|milestone|tt_mile|tt_finmile|start milestone|finish milestone)$/i;

export function readScheduleCsv(text: string, map: Partial<Record<CsvField, string>> = {}): Schedule {
  const { rows, problems } = readCsvRows(text.replace(/^\uFEFF/, ''));
  const bad = problems[0];
  if (bad) throw new ScheduleError(`line ${bad.line + 1}`, bad.message);
  const [header, ...data] = rows;
  if (!header) throw new ScheduleError('line 1', 'the CSV file is empty: it needs a header row and one row per activity.');
  const names = header.fields.map((field) => field.trim().toLowerCase());
  const column = (field: CsvField): number => {
    const mapped = map[field];
    if (mapped !== undefined) {
      const index = names.indexOf(mapped.trim().toLowerCase());
      if (index < 0) throw new ScheduleError('line 1', `--map ${field}=${mapped}: the header has no column ${JSON.stringify(mapped)}; it has ${header.fields.join(', ')}.`);
      return index;
    }
    return names.findIndex((name) => defaultColumns[field].includes(name));
  };
  const columns = Object.fromEntries(csvFields.map((field) => [field, column(field)])) as Record<CsvField, number>;
  if (columns.id < 0) throw new ScheduleError('line 1', `no column for the activity's ID among ${header.fields.join(', ')}: name it with --map id=COLUMN.`);
  if (columns.baseline < 0 && columns.finish < 0) throw new ScheduleError('line 1', `no column for a finish date among ${header.fields.join(', ')}: name one with --map baseline=COLUMN or --map finish=COLUMN.`);
  const activities: Activity[] = [];
  const links: ScheduleLink[] = [];
  const places = new Map<string, string>();
  for (const row of data) {
    const place = `line ${row.line + 1}`;
    const cell = (field: CsvField) => (columns[field] < 0 ? '' : (row.fields[columns[field]] ?? '').trim());
    const id = cell('id');
    if (id === '') throw new ScheduleError(place, 'a row without an ID.');
    const before = places.get(id);
    if (before) throw new ScheduleError(place, `the ID ${id} is used by two rows (also ${before}).`);
    places.set(id, place);
    const date = (field: CsvField) => scheduleDate(cell(field), place, `the ${header.fields[columns[field]]} of ${id}`);
    const level = cell('level');
    if (level !== '' && !/^\d+$/.test(level)) throw new ScheduleError(place, `the level "${level}" of ${id} is not a whole number.`);
    const actual = date('actual');
    activities.push({
      key: id,
      code: id,
      name: cell('name'),
      kind: milestoneValues.test(cell('type')) ? 'milestone' : 'task',
      baselineFinish: date('baseline'),
      plannedFinish: date('finish'),
      currentFinish: actual ?? date('finish'),
      actualFinish: actual,
      level: level === '' ? undefined : Number(level),
      wbs: cell('wbs') || undefined,
      place,
    });
    for (const predecessor of cell('predecessors').split(/[;,\s]+/).filter(Boolean)) links.push({ predecessor, successor: id, type: 'FS', lagHours: 0, place });
  }
  for (const link of links) {
    if (!places.has(link.predecessor)) throw new ScheduleError(link.place, `${link.successor} names the predecessor ${link.predecessor}, which no row has.`);
  }
  return { format: 'csv', projects: [], activities, links };
}
