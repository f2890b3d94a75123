// Microsoft Project's XML (MSPDI), as Project 2003 to 2019, ProjectLibre, GanttProject and MPXJ
// write it: tasks with their baselines and links. A summary is known from the outline (ProjectLibre
// writes `Summary` and `Milestone` as 0 always), a milestone from its flag or its zero duration.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ScheduleError, scheduleDate, type Activity, type LinkType, type Schedule, type ScheduleLink } from './schedule';

/** Which field of a task its plan ID is made from: the WBS code (else the ID), the ID, or the unique ID. */
export type MspdiIdField = 'wbs' | 'id' | 'uid';

interface XmlTask {
  UID?: string;
  ID?: string;
  Name?: string;
  WBS?: string;
  OutlineLevel?: string;
  Summary?: string;
  Milestone?: string;
  IsNull?: string;
  Duration?: string;
  Start?: string;
  Finish?: string;
  ActualFinish?: string;
  PercentComplete?: string;
  Baseline?: { Number?: string; Finish?: string }[];
  PredecessorLink?: { PredecessorUID?: string; Type?: string; LinkLag?: string; CrossProject?: string }[];
  ExtendedAttribute?: { FieldID?: string; Value?: string }[];
}

interface XmlProject {
  Title?: string;
  Name?: string;
  StatusDate?: string;
  ExtendedAttributes?: { ExtendedAttribute?: { FieldID?: string; Alias?: string; FieldName?: string }[] };
  Tasks?: { Task?: XmlTask[] };
}

// MSPDI's link types: 0 finish-to-finish, 1 finish-to-start, 2 start-to-finish, 3 start-to-start.
const linkTypes: Record<string, LinkType> = { '0': 'FF', '1': 'FS', '2': 'SF', '3': 'SS' };
const lists = new Set(['Task', 'Baseline', 'PredecessorLink', 'ExtendedAttribute']);

export function readMspdi(text: string, options: { idField?: MspdiIdField } = {}): Schedule {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ScheduleError(`line ${valid.err.line}`, `the XML is not well formed: ${valid.err.msg}`);
  const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, removeNSPrefix: true, isArray: (name) => lists.has(name) });
  const document = parser.parse(text) as Record<string, unknown>;
  const root = Object.keys(document).find((key) => !key.startsWith('?'));
  if (root !== 'Project') throw new ScheduleError('line 1', `not a Microsoft Project XML (MSPDI) file: its root element is <${root ?? 'none'}>, not <Project>.`);
  const project = (document.Project ?? {}) as XmlProject;
  const lines = taskLines(text);
  const placeOf = (task: XmlTask, index: number) => `task UID ${task.UID ?? '?'}${lines[index] ? ` (line ${lines[index]})` : ''}`;
  const levelFields = new Set((project.ExtendedAttributes?.ExtendedAttribute ?? []).filter((attribute) => /\blevel\b/i.test(attribute.Alias ?? '')).map((attribute) => attribute.FieldID));
  const ordered = (project.Tasks?.Task ?? [])
    .map((task, index) => ({ task, place: placeOf(task, index) }))
    .filter(({ task }) => task.IsNull !== '1')
    .sort((a, b) => Number(a.task.ID ?? 0) - Number(b.task.ID ?? 0));
  const activities: Activity[] = [];
  const codes = new Map<string, string>();
  const uids = new Set<string>();
  ordered.forEach(({ task, place }, index) => {
    const uid = task.UID ?? '';
    if (uid === '') throw new ScheduleError(place, 'a task without a UID.');
    if (uids.has(uid)) throw new ScheduleError(place, `the task UID ${uid} is written twice.`);
    uids.add(uid);
    const level = Number(task.OutlineLevel ?? 1);
    const next = ordered[index + 1]?.task;
    const summary = uid === '0' || task.Summary === '1' || (next !== undefined && Number(next.OutlineLevel ?? 1) > level);
    const milestone = !summary && (task.Milestone === '1' || isZeroDuration(task.Duration));
    const date = (value: string | undefined, what: string) => scheduleDate(value, place, `${what} of task UID ${uid}`);
    const baseline = (task.Baseline ?? []).find((entry) => (entry.Number ?? '0') === '0');
    const finish = date(task.Finish, 'Finish');
    const actual = date(task.ActualFinish, 'ActualFinish') ?? (task.PercentComplete === '100' ? finish : undefined);
    const wbs = task.WBS ?? '';
    const code = options.idField === 'uid' ? uid : options.idField === 'id' || wbs === '' ? (task.ID ?? uid) : wbs;
    if (!summary) {
      const before = codes.get(code);
      if (before) throw new ScheduleError(place, `the ${options.idField === 'uid' ? 'UID' : options.idField === 'id' || wbs === '' ? 'ID' : 'WBS code'} ${code} is used by two tasks (also ${before}): import with --id uid.`);
      codes.set(code, place);
    }
    const levelValue = (task.ExtendedAttribute ?? []).find((attribute) => levelFields.has(attribute.FieldID))?.Value;
    activities.push({
      key: uid,
      code,
      name: task.Name ?? '',
      kind: summary ? 'summary' : milestone ? 'milestone' : 'task',
      baselineFinish: date(baseline?.Finish, 'Baseline 0 Finish'),
      plannedFinish: finish,
      currentFinish: actual ?? finish,
      actualFinish: actual,
      level: levelValue !== undefined && /^-?\d+$/.test(levelValue.trim()) ? Number(levelValue) : undefined,
      // A WBS code that became the ID is not repeated as the item's WBS.
      wbs: wbs && code !== wbs ? wbs : undefined,
      place,
    });
  });
  const links: ScheduleLink[] = [];
  for (const { task, place } of ordered) {
    for (const link of task.PredecessorLink ?? []) {
      const predecessor = link.PredecessorUID ?? '';
      if (!uids.has(predecessor)) {
        // A link to a task of another project file: not part of this schedule.
        if (link.CrossProject === '1') continue;
        throw new ScheduleError(place, `task UID ${task.UID} has a predecessor UID ${predecessor}, which the file does not have.`);
      }
      const type = linkTypes[link.Type ?? '1'];
      if (!type) throw new ScheduleError(place, `the link type ${link.Type} from UID ${predecessor} to UID ${task.UID} is none of 0 (FF), 1 (FS), 2 (SF), 3 (SS).`);
      const lag = Number(link.LinkLag ?? 0);
      if (!Number.isFinite(lag)) throw new ScheduleError(place, `the LinkLag "${link.LinkLag}" from UID ${predecessor} to UID ${task.UID} is not a number.`);
      // LinkLag is in tenths of a minute.
      links.push({ predecessor, successor: task.UID!, type, lagHours: lag / 600, place });
    }
  }
  return {
    format: 'mspdi',
    projects: [],
    activities,
    links,
    dataDate: scheduleDate(project.StatusDate, '', 'StatusDate'),
    title: project.Title?.trim() || project.Name?.trim() || undefined,
  };
}

/** `PT0H0M0S`, `PT0H0M0.0S`, `P0D`: a duration of nothing. */
function isZeroDuration(duration: string | undefined): boolean {
  return duration !== undefined && /^-?P/.test(duration) && !/[1-9]/.test(duration);
}

/** The line of each `<Task>` element, in order, for the messages. */
function taskLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let searched = 0;
  for (let at = text.indexOf('<Task>'); at >= 0; at = text.indexOf('<Task>', at + 6)) {
    for (let index = text.indexOf('\n', searched); index >= 0 && index < at; index = text.indexOf('\n', index + 1)) line++;
    searched = at;
    lines.push(line);
  }
  return lines;
}
