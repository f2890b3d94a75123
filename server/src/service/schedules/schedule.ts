// The neutral schedule that every reader (P6 XER and spreadsheet, MSPDI, CSV) produces and the
// mapping to a plan reads: projects, activities with their dates, links with type and lag, and the
// problems found, each at its line or row.

export type ScheduleFormat = 'xer' | 'xlsx' | 'mspdi' | 'csv';
export const scheduleFormats: readonly ScheduleFormat[] = ['xer', 'xlsx', 'mspdi', 'csv'];

/** How a link ties its two activities: finish-to-start, start-to-start, finish-to-finish, start-to-finish. */
export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface ScheduleProject {
  key: string;
  /** The project's short name (P6 `proj_short_name`), as `--project` names it. */
  code: string;
  name?: string;
}

export type ActivityKind = 'milestone' | 'task' | 'summary';

export interface Activity {
  /** The key that links name (P6 `task_id`, MSPDI `UID`, a CSV row's ID). */
  key: string;
  /** The code the plan's ID is made from (P6 `task_code`, MSPDI `WBS` or `ID`). */
  code: string;
  name: string;
  projectKey?: string;
  kind: ActivityKind;
  /** Dates as YYYY-MM-DD. */
  baselineFinish?: string;
  plannedFinish?: string;
  currentFinish?: string;
  actualFinish?: string;
  level?: number;
  wbs?: string;
  /** Where the activity is written: `line 12`, `sheet TASK, row 5`. */
  place: string;
}

export interface ScheduleLink {
  predecessor: string;
  successor: string;
  type: LinkType;
  /** Hours; negative for a lead. */
  lagHours: number;
  place: string;
}

export interface Schedule {
  format: ScheduleFormat;
  projects: ScheduleProject[];
  activities: Activity[];
  links: ScheduleLink[];
  /** The date progress was recorded against (P6's data date, MSPDI's status date). */
  dataDate?: string;
  title?: string;
}

/** The error a reader stops at: what is wrong and where. */
export class ScheduleError extends Error {
  constructor(
    readonly place: string,
    message: string,
  ) {
    super(message);
  }
}

const dateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The calendar day of a schedule's date-time (`2021-03-04 17:00`, `2021-03-04T17:00:00`,
 * `2021-03-04`); `undefined` for an empty field; a ScheduleError for anything else.
 */
export function scheduleDate(text: string | undefined, place: string, what: string): string | undefined {
  const value = text?.trim() ?? '';
  if (value === '') return undefined;
  const match = dateTime.exec(value);
  const day = match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
  const month = Number(match?.[2]);
  const date = Number(match?.[3]);
  if (!day || month < 1 || month > 12 || date < 1 || date > new Date(Date.UTC(Number(match![1]), month, 0)).getUTCDate()) {
    throw new ScheduleError(place, `${what} "${value}" is not a date in a form this reader knows (YYYY-MM-DD, optionally with HH:MM): export the dates in ISO form.`);
  }
  return day;
}

/** A number of hours as a link's lag shows it: `16 h`, `-8 h`, `1.5 h`. */
export function hoursText(hours: number): string {
  return `${Number(hours.toFixed(2))} h`;
}
