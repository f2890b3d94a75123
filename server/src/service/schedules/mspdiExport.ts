// The plan as a Microsoft Project XML (MSPDI) file that MS Project and ProjectLibre open: a task
// per item (milestones with no duration, features of one day, the WBS code the ID), the due date as
// Baseline 0, the finish on the expected date, completed items 100% with their actual finish, and a
// finish-to-start link per predecessor and per feature a milestone lists. `milestones import
// --features` reads it back as the same plan. Elements are written in the order of the schema.
import type { ExportItem } from './exportItems';

export interface MspdiExportOptions {
  title?: string;
  /** The plan's asOf: the project's status date. */
  asOf?: string;
}

/** MS Project's field ID of Number1, the custom field the level is kept in. */
const levelFieldId = '188743767';

export function mspdiExport(items: readonly ExportItem[], options: MspdiExportOptions = {}): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<Project xmlns="http://schemas.microsoft.com/project">'];
  const add = (indent: number, name: string, value: string | number | undefined) => {
    if (value !== undefined) lines.push(`${'  '.repeat(indent)}<${name}>${typeof value === 'string' ? escapeXml(value) : value}</${name}>`);
  };
  const title = options.title ?? 'Milestones';
  const dates = items.map((item) => item.completed ?? item.forecast ?? item.due).sort();
  const first = [...items.map((item) => item.due), ...dates].sort()[0] ?? options.asOf ?? '2000-01-01';
  const last = dates[dates.length - 1] ?? first;
  add(1, 'SaveVersion', 14);
  add(1, 'Name', `${title}.xml`);
  add(1, 'Title', title);
  add(1, 'ScheduleFromStart', 1);
  add(1, 'StartDate', start(first));
  add(1, 'FinishDate', finish(last));
  add(1, 'CalendarUID', 1);
  add(1, 'DefaultStartTime', '08:00:00');
  add(1, 'DefaultFinishTime', '17:00:00');
  add(1, 'MinutesPerDay', 480);
  add(1, 'MinutesPerWeek', 2400);
  add(1, 'DaysPerMonth', 20);
  if (options.asOf) {
    add(1, 'CurrentDate', start(options.asOf));
    add(1, 'StatusDate', finish(options.asOf));
  }
  lines.push('  <ExtendedAttributes>', '    <ExtendedAttribute>');
  add(3, 'FieldID', levelFieldId);
  add(3, 'FieldName', 'Number1');
  add(3, 'Alias', 'Level');
  lines.push('    </ExtendedAttribute>', '  </ExtendedAttributes>');
  lines.push('  <Calendars>', '    <Calendar>');
  add(3, 'UID', 1);
  add(3, 'Name', 'Standard');
  add(3, 'IsBaseCalendar', 1);
  lines.push('      <WeekDays>');
  for (let day = 1; day <= 7; day++) {
    const working = day !== 1 && day !== 7;
    lines.push('        <WeekDay>');
    add(5, 'DayType', day);
    add(5, 'DayWorking', working ? 1 : 0);
    if (working) {
      lines.push('          <WorkingTimes>');
      for (const [from, to] of [['08:00:00', '12:00:00'], ['13:00:00', '17:00:00']]) {
        lines.push('            <WorkingTime>');
        add(7, 'FromTime', from);
        add(7, 'ToTime', to);
        lines.push('            </WorkingTime>');
      }
      lines.push('          </WorkingTimes>');
    }
    lines.push('        </WeekDay>');
  }
  lines.push('      </WeekDays>', '    </Calendar>', '  </Calendars>', '  <Tasks>');
  const uids = new Map(items.map((item, index) => [item.id, index + 1]));
  // The project summary task, UID 0, as MS Project writes it.
  lines.push('    <Task>');
  add(3, 'UID', 0);
  add(3, 'ID', 0);
  add(3, 'Name', title);
  add(3, 'Type', 1);
  add(3, 'IsNull', 0);
  add(3, 'OutlineNumber', '0');
  add(3, 'OutlineLevel', 0);
  add(3, 'Start', start(first));
  add(3, 'Finish', finish(last));
  add(3, 'Milestone', 0);
  add(3, 'Summary', 1);
  lines.push('    </Task>');
  items.forEach((item, index) => {
    const milestone = item.kind === 'milestone';
    const expected = item.completed ?? item.forecast ?? item.due;
    const duration = milestone ? 'PT0H0M0S' : 'PT8H0M0S';
    const begin = milestone ? finish(expected) : start(expected);
    lines.push('    <Task>');
    add(3, 'UID', index + 1);
    add(3, 'ID', index + 1);
    add(3, 'Name', item.name);
    add(3, 'Type', 1);
    add(3, 'IsNull', 0);
    add(3, 'WBS', item.id);
    add(3, 'OutlineNumber', String(index + 1));
    add(3, 'OutlineLevel', 1);
    add(3, 'Start', begin);
    add(3, 'Finish', finish(expected));
    add(3, 'Duration', duration);
    add(3, 'DurationFormat', 7);
    add(3, 'Milestone', milestone ? 1 : 0);
    add(3, 'Summary', 0);
    add(3, 'PercentComplete', item.completed ? 100 : 0);
    if (item.completed) {
      add(3, 'ActualStart', begin);
      add(3, 'ActualFinish', finish(item.completed));
    }
    add(3, 'RemainingDuration', item.completed ? 'PT0H0M0S' : duration);
    // "Start no earlier than" the expected date keeps it there when MS Project schedules the links.
    add(3, 'ConstraintType', 4);
    add(3, 'CalendarUID', -1);
    add(3, 'ConstraintDate', begin);
    for (const id of new Set([...item.features, ...item.predecessors])) {
      const uid = uids.get(id);
      if (uid === undefined) continue;
      lines.push('      <PredecessorLink>');
      add(4, 'PredecessorUID', uid);
      add(4, 'Type', 1);
      add(4, 'CrossProject', 0);
      add(4, 'LinkLag', 0);
      add(4, 'LagFormat', 7);
      lines.push('      </PredecessorLink>');
    }
    if (item.level !== undefined) {
      lines.push('      <ExtendedAttribute>');
      add(4, 'FieldID', levelFieldId);
      add(4, 'Value', item.level);
      lines.push('      </ExtendedAttribute>');
    }
    lines.push('      <Baseline>');
    add(4, 'Number', 0);
    add(4, 'Start', milestone ? finish(item.due) : start(item.due));
    add(4, 'Finish', finish(item.due));
    add(4, 'Duration', duration);
    lines.push('      </Baseline>');
    lines.push('    </Task>');
  });
  lines.push('  </Tasks>', '</Project>');
  return `${lines.join('\r\n')}\r\n`;
}

function start(date: string): string {
  return `${date}T08:00:00`;
}

function finish(date: string): string {
  return `${date}T17:00:00`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
