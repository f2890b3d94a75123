// Primavera P6 XER text as tables: `ERMHDR` first, then for each table `%T NAME`, `%F` with its
// field names (their order and number change between P6 versions, so fields are read by name),
// `%R` rows, and a final `%E`. Tables nobody asked for are stepped over without splitting their rows.
import { ScheduleError } from './schedule';
import { p6Schedule, p6TableNames, type P6Table } from './p6Schedule';
import type { Schedule } from './schedule';

/** The schedule of an XER file's text (already decoded from its code page). */
export function readXer(text: string, options: { project?: string } = {}): Schedule {
  return p6Schedule(xerTables(text, p6TableNames), 'xer', options);
}

/** The tables named in `wanted`, with each row's line (1-based). */
export function xerTables(text: string, wanted: ReadonlySet<string>): Map<string, P6Table> {
  const tables = new Map<string, P6Table>();
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let current: P6Table | undefined;
  let currentName: string | undefined;
  let ended = false;
  let sawHeader = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const tag = text.slice(start, start + 3);
    const place = `line ${line}`;
    if (!sawHeader) {
      if (!text.startsWith('ERMHDR', start)) throw new ScheduleError(place, 'not a Primavera P6 XER file: it does not start with ERMHDR.');
      sawHeader = true;
    } else if (ended) {
      if (text.slice(start, lineEnd).trim() !== '') throw new ScheduleError(place, 'text after the %E that ends the XER file.');
    } else if (tag === '%R\t') {
      if (current) current.rows.push({ values: text.slice(start + 3, lineEnd).split('\t'), place });
      else if (currentName === undefined) throw new ScheduleError(place, 'a %R row before any %T table.');
    } else if (tag === '%T\t') {
      currentName = text.slice(start + 3, lineEnd).trim();
      current = undefined;
      if (wanted.has(currentName)) {
        if (tables.has(currentName)) throw new ScheduleError(place, `the table ${currentName} is written twice.`);
        current = { name: currentName, fields: [], rows: [], place };
        tables.set(currentName, current);
      }
    } else if (tag === '%F\t') {
      if (currentName === undefined) throw new ScheduleError(place, 'a %F field list before any %T table.');
      if (current) current.fields = text.slice(start + 3, lineEnd).split('\t');
    } else if (text.startsWith('%E', start)) {
      ended = true;
    } else if (text.slice(start, lineEnd).trim() !== '') {
      throw new ScheduleError(place, `a line that is not %T, %F, %R or %E: "${text.slice(start, Math.min(lineEnd, start + 40))}".`);
    }
    if (current && tag === '%R\t' && current.fields.length === 0) throw new ScheduleError(place, `a %R row of ${current.name} before its %F field list.`);
    start = end + 1;
  }
  if (!sawHeader) throw new ScheduleError('line 1', 'the file is empty, not a Primavera P6 XER file.');
  if (!ended) throw new ScheduleError(`line ${line}`, 'the file ends without the %E that closes an XER export: it was cut short; export it again.');
  return tables;
}
