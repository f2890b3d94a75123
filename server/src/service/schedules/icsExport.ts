// The plan as an iCalendar file (RFC 5545) for calendar subscriptions: an all-day event on each
// item's due date, with a UID that stays the same from one export to the next (so that a calendar
// updates the event rather than adding another), and the item's state and place in its description.
import { utf8Length } from '../text/utf8';
import type { ExportItem } from './exportItems';

export interface IcsExportOptions {
  title?: string;
  asOf?: string;
  /** Where each item's file is published (`https://github.com/org/plans/blob/main/`): the events link to it. */
  linkBase?: string;
  /** The item's file, relative to the plans' folder, as the link and description name it. */
  relativePath: (uri: string) => string;
}

export function icsExport(items: readonly ExportItem[], options: IcsExportOptions): string {
  const title = options.title ?? 'Milestones';
  // A stamp that changes only with the plan's asOf keeps the file the same when nothing moved.
  const stamp = `${(options.asOf ?? '2000-01-01').replace(/-/g, '')}T000000Z`;
  const domain = `${slug(title)}.milestones`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//milestone-yaml//milestones export//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${text(title)}`];
  for (const item of items) {
    const file = options.relativePath(item.location.uri);
    const line = item.location.line + 1;
    const state = item.completed ? `completed ${item.completed}` : item.forecast && item.forecast !== item.due ? `${item.progress}, forecast ${item.forecast}` : item.progress;
    const link = options.linkBase ? `${options.linkBase.replace(/\/?$/, '/')}${file.split('/').map(encodeURIComponent).join('/')}#L${line}` : undefined;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.id}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(item.due)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(item.due))}`,
      `SUMMARY:${text(`${item.id}: ${item.name}`)}`,
      `DESCRIPTION:${text(`${item.kind === 'milestone' ? 'Milestone' : 'Feature'} ${item.id}, due ${item.due}: ${state}.\n${file}:${line}${link ? `\n${link}` : ''}`)}`,
      `CATEGORIES:${item.kind === 'milestone' ? 'Milestone' : 'Feature'}`,
      ...(item.completed ? ['STATUS:CONFIRMED'] : []),
      ...(link ? [`URL:${link}`] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(folded).join('');
}

/** A TEXT value: backslashes, semicolons, commas and line breaks escaped. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A content line folded at 75 octets (not inside a UTF-8 character), ended by CRLF. */
function folded(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'plan';
}
