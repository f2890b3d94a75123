// A schedule as a plan: which activities become milestones and features, their IDs (codes made
// valid and unique, each change reported), dates (due = baseline finish, else planned; forecast =
// current finish where it differs; completed = actual finish), level, WBS and links; and the plan's
// YAML text.
import { idPattern } from '../../../../common/planSnapshot';
import { plainOrQuoted } from '../yaml/yamlTree';
import { hoursText, ScheduleError, type Activity, type Schedule } from './schedule';

export interface ImportOptions {
  /** Only milestones; links through the activities left out are kept as links between milestones. */
  milestonesOnly?: boolean;
  /** Activities that lead straight to a milestone are listed as its features rather than as its predecessors. */
  features?: boolean;
  /** Only activities whose code starts with one of these (all when none). */
  prefixes?: readonly string[];
}

export interface ImportedLink {
  id: string;
  /** How the link differs from finish-to-start with no lag, as a comment on it says. */
  note?: string;
}

export interface ImportedItem {
  id: string;
  kind: 'milestone' | 'feature';
  name: string;
  due: string;
  forecast?: string;
  completed?: string;
  level?: number;
  wbs?: string;
  predecessors: ImportedLink[];
  features: string[];
  place: string;
}

export interface ImportedPlan {
  title?: string;
  asOf?: string;
  items: ImportedItem[];
  /** What the mapping changed and why: IDs made valid, activities without dates. */
  notes: string[];
}

export function scheduleToPlan(schedule: Schedule, options: ImportOptions = {}): ImportedPlan {
  const prefixes = options.prefixes ?? [];
  const kept = schedule.activities.filter(
    (activity) => activity.kind !== 'summary' && (!options.milestonesOnly || activity.kind === 'milestone') && (prefixes.length === 0 || prefixes.some((prefix) => activity.code.startsWith(prefix))),
  );
  const notes: string[] = [];
  const ids = assignIds(schedule, kept, notes);
  const byKey = new Map(schedule.activities.map((activity) => [activity.key, activity]));
  const items = new Map<string, ImportedItem>();
  for (const activity of kept) {
    const due = activity.baselineFinish ?? activity.plannedFinish ?? activity.currentFinish;
    if (due === undefined) throw new ScheduleError(activity.place, `the activity ${activity.code} has no baseline, planned or current finish date, which a plan's due date needs.`);
    const completed = activity.actualFinish;
    const forecast = completed === undefined && activity.currentFinish !== undefined && activity.currentFinish !== due ? activity.currentFinish : undefined;
    items.set(activity.key, {
      id: ids.get(activity.key)!,
      kind: activity.kind === 'milestone' ? 'milestone' : 'feature',
      name: activity.name || activity.code,
      due,
      forecast,
      completed,
      level: activity.kind === 'milestone' ? activity.level : undefined,
      wbs: activity.kind === 'milestone' ? undefined : activity.wbs,
      predecessors: [],
      features: [],
      place: activity.place,
    });
  }
  addLinks(schedule, items, byKey, options);
  return { title: schedule.title, asOf: schedule.dataDate, items: [...items.values()], notes };
}

/** Each kept activity's ID: its code, qualified by its project's where several projects share it, made valid and unique. */
function assignIds(schedule: Schedule, kept: readonly Activity[], notes: string[]): Map<string, string> {
  const projectsOfCode = new Map<string, Set<string | undefined>>();
  for (const activity of kept) {
    const projects = projectsOfCode.get(activity.code) ?? new Set();
    projects.add(activity.projectKey);
    projectsOfCode.set(activity.code, projects);
  }
  const projectCode = new Map(schedule.projects.map((project) => [project.key, project.code]));
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const activity of kept) {
    const shared = (projectsOfCode.get(activity.code)?.size ?? 0) > 1;
    const wanted = shared ? `${projectCode.get(activity.projectKey ?? '') ?? activity.projectKey}.${activity.code}` : activity.code;
    let id = validId(wanted) || `A-${validId(activity.key) || ids.size + 1}`;
    if (taken.has(id)) {
      let count = 2;
      while (taken.has(`${id}-${count}`)) count++;
      id = `${id}-${count}`;
    }
    taken.add(id);
    ids.set(activity.key, id);
    if (id !== activity.code) {
      const why = shared ? 'its code is used in more than one project' : idPattern.test(activity.code) ? 'another activity has that ID' : 'its code is not a valid ID (letters, digits, ".", "_", "-")';
      notes.push(`${activity.place}: ${JSON.stringify(activity.code)} is imported as ${id}: ${why}.`);
    }
  }
  return ids;
}

/** Letters, digits, `.`, `_` and `-`, starting with a letter or digit: other runs become one `-`. */
function validId(code: string): string {
  return code
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '');
}

function linkNote(type: string, lagHours: number): string | undefined {
  if (type === 'FS' && lagHours === 0) return undefined;
  const kind = { FS: 'finish-to-start', SS: 'start-to-start', FF: 'finish-to-finish', SF: 'start-to-finish' }[type];
  return lagHours === 0 ? kind : `${kind}, ${lagHours < 0 ? 'lead' : 'lag'} ${hoursText(Math.abs(lagHours))}`;
}

/**
 * Predecessors between kept items; where activities between two kept items were left out, the
 * link is followed through them. With `features`, an activity linked straight to a milestone is
 * listed as its feature instead.
 */
function addLinks(schedule: Schedule, items: Map<string, ImportedItem>, byKey: Map<string, Activity>, options: ImportOptions): void {
  const incoming = new Map<string, Schedule['links']>();
  for (const link of schedule.links) {
    const list = incoming.get(link.successor) ?? [];
    list.push(link);
    incoming.set(link.successor, list);
  }
  for (const [key, item] of items) {
    const seen = new Set<string>([key]);
    const named = new Set<string>();
    // Breadth first through the activities left out, nearest kept predecessors first.
    let frontier: { key: string; through: number; note?: string }[] = [{ key, through: 0 }];
    while (frontier.length > 0) {
      const next: typeof frontier = [];
      for (const step of frontier) {
        for (const link of incoming.get(step.key) ?? []) {
          if (seen.has(link.predecessor)) continue;
          seen.add(link.predecessor);
          const predecessor = items.get(link.predecessor);
          if (!predecessor) {
            if (byKey.has(link.predecessor)) next.push({ key: link.predecessor, through: step.through + 1 });
            continue;
          }
          if (named.has(predecessor.id)) continue;
          named.add(predecessor.id);
          if (step.through === 0 && options.features && item.kind === 'milestone' && predecessor.kind === 'feature') {
            item.features.push(predecessor.id);
            continue;
          }
          const note = step.through === 0 ? linkNote(link.type, link.lagHours) : `through ${step.through} ${step.through === 1 ? 'activity' : 'activities'} not imported`;
          item.predecessors.push(note === undefined ? { id: predecessor.id } : { id: predecessor.id, note });
        }
      }
      frontier = next;
    }
  }
}

/** The plan's YAML text: header, then milestones and features, each in the schedule's order. */
export function planYaml(plan: ImportedPlan, eol = '\n'): string {
  const lines: string[] = [];
  if (plan.title) lines.push(`title: ${plainOrQuoted(plan.title)}`);
  if (plan.asOf) lines.push(`asOf: ${plan.asOf}`);
  for (const kind of ['milestone', 'feature'] as const) {
    const items = plan.items.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(kind === 'milestone' ? 'milestones:' : 'features:');
    for (const item of items) lines.push(...itemLines(item));
  }
  return lines.map((line) => `${line}${eol}`).join('');
}

/** An item's entry, indented under its section. */
export function itemLines(item: ImportedItem): string[] {
  const lines = [`  ${plainOrQuoted(item.id)}:`, `    name: ${plainOrQuoted(item.name)}`, `    due: ${item.due}`];
  if (item.forecast) lines.push(`    forecast: ${item.forecast}`);
  if (item.completed) lines.push(`    completed: ${item.completed}`);
  if (item.level !== undefined) lines.push(`    level: ${item.level}`);
  if (item.wbs) lines.push(`    wbs: ${plainOrQuoted(item.wbs)}`);
  if (item.features.length > 0) lines.push('    features:', ...item.features.map((id) => `      - ${plainOrQuoted(id)}`));
  if (item.predecessors.length > 0) lines.push('    predecessors:', ...item.predecessors.map(predecessorLine));
  return lines;
}

export function predecessorLine(link: ImportedLink): string {
  return `      - ${plainOrQuoted(link.id)}${link.note ? `  # ${link.note}` : ''}`;
}
