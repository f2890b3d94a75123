// Checks what the extension posts to the timeline and copies a plan into well-formed values, so
// the drawing code can trust types (strings are strings, states are known) whatever arrives.
import type { Baseline, FeatureRow, FeatureSnapshot, FloatSummary, ItemState, Links, Location, MilestoneSnapshot, PlanSnapshot, ProblemSummary, Progress, Severity } from '../../common/planSnapshot';
import type { ToTimeline } from '../../common/timelineMessages';
import { trendSteps, type TrendChange, type TrendEvery, type TrendHistory, type TrendItem, type TrendStep } from '../../common/trendSeries';
import { itemStates, severities } from './model';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0);

function state(value: unknown): ItemState {
  return itemStates.includes(value as ItemState) ? (value as ItemState) : 'open';
}

const progresses: readonly Progress[] = ['completed', 'open', 'overdue'];

function progress(value: unknown): Progress {
  return progresses.includes(value as Progress) ? (value as Progress) : 'open';
}

function featureRow(value: Loose): FeatureRow {
  return { id: text(value.id), state: state(value.state), problems: problems(value.problems) };
}

function severity(value: unknown): Severity {
  return severities.includes(value as Severity) ? (value as Severity) : 'information';
}

function problems(value: unknown): ProblemSummary[] {
  return list(value)
    .filter(isObject)
    .map((problem) => ({ code: text(problem.code), severity: severity(problem.severity), message: text(problem.message) }));
}

/** An item's links; a snapshot from before predecessors existed has none. */
function links(value: unknown): Links {
  const loose = isObject(value) ? value : {};
  const predecessors = list(loose.predecessors)
    .filter(isObject)
    .filter((link) => typeof link.id === 'string')
    .map((link) => ({ id: link.id as string, worst: link.worst === null || link.worst === undefined ? null : severity(link.worst) }));
  return { predecessors, driving: textOrNull(loose.driving) };
}

/** An item's float; a snapshot from before float existed has none. */
function floatSummary(value: unknown): FloatSummary {
  const loose = isObject(value) ? value : {};
  const days = typeof loose.days === 'number' && Number.isInteger(loose.days) ? loose.days : null;
  const late = typeof loose.late === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(loose.late) ? loose.late : null;
  return { days: late === null ? null : days, late: days === null ? null : late, limitedBy: textOrNull(loose.limitedBy), via: textOrNull(loose.via), critical: loose.critical === true, text: text(loose.text) };
}

/** Only the file's URI, which the burndown filters by; revealing goes by ID, so ranges are not kept. */
const fileLocation = (value: unknown): Location => ({ uri: isObject(value) ? text(value.uri) : '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

function milestone(value: Loose): MilestoneSnapshot {
  return {
    id: text(value.id),
    name: text(value.name),
    due: textOrNull(value.due),
    forecast: textOrNull(value.forecast),
    completed: textOrNull(value.completed),
    level: typeof value.level === 'number' ? value.level : null,
    progress: progress(value.progress),
    state: state(value.state),
    problems: problems(value.problems),
    location: fileLocation(value.location),
    features: list(value.features).filter(isObject).map(featureRow),
    links: links(value.links),
    float: floatSummary(value.float),
  };
}

function feature(id: string, value: Loose): FeatureSnapshot {
  return {
    id: typeof value.id === 'string' ? value.id : id,
    name: text(value.name),
    due: textOrNull(value.due),
    forecast: textOrNull(value.forecast),
    completed: textOrNull(value.completed),
    progress: progress(value.progress),
    state: state(value.state),
    problems: problems(value.problems),
    location: fileLocation(value.location),
    parents: list(value.parents).filter((parent): parent is string => typeof parent === 'string'),
    links: links(value.links),
    float: floatSummary(value.float),
  };
}

/** The baseline's due dates, only those that are text; none when it is not an object. */
function baseline(value: unknown): Baseline | undefined {
  if (!isObject(value)) return undefined;
  const due = Object.create(null) as Record<string, string>;
  if (isObject(value.due)) for (const [id, date] of Object.entries(value.due)) if (typeof date === 'string') due[id] = date;
  return { revision: text(value.revision), commit: text(value.commit), due };
}

export function normalizePlan(value: unknown): PlanSnapshot {
  const plan = isObject(value) ? value : {};
  const features = Object.create(null) as Record<string, FeatureSnapshot>;
  if (isObject(plan.features)) {
    for (const [id, entry] of Object.entries(plan.features)) if (isObject(entry)) features[id] = feature(id, entry);
  }
  const counts = isObject(plan.problemCounts) ? plan.problemCounts : {};
  return {
    asOf: text(plan.asOf),
    milestones: list(plan.milestones).filter(isObject).map(milestone),
    features,
    problemCounts: { error: count(counts.error), warning: count(counts.warning), information: count(counts.information), hint: count(counts.hint) },
    baseline: baseline(plan.baseline),
  };
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: unknown): string | null => (typeof value === 'string' && datePattern.test(value) ? value : null);

/** The trend's history with every field of the shape the drawing expects: steps with a date, changes at a step that exists. */
export function normalizeTrend(value: unknown): TrendHistory {
  const history = isObject(value) ? value : {};
  const steps: TrendStep[] = list(history.steps)
    .filter(isObject)
    .filter((step) => date(step.date) !== null)
    .map((step) => ({ commit: text(step.commit).slice(0, 64), date: date(step.date)!, subject: text(step.subject), ...(typeof step.tag === 'string' ? { tag: step.tag } : {}) }));
  const items: TrendItem[] = list(history.items)
    .filter(isObject)
    .filter((item) => typeof item.id === 'string')
    .map((item) => {
      const changes: TrendChange[] = list(item.changes)
        .filter(isObject)
        .filter((change) => Number.isInteger(change.step) && (change.step as number) >= 0 && (change.step as number) < steps.length)
        .map((change) => {
          const achieved = date(change.achieved);
          return { step: change.step as number, expected: date(change.expected), ...(achieved === null ? {} : { achieved }) };
        });
      return {
        id: item.id as string,
        kind: item.kind === 'feature' ? 'feature' : 'milestone',
        name: text(item.name),
        ...(typeof item.level === 'number' && Number.isFinite(item.level) ? { level: item.level } : {}),
        ...(typeof item.file === 'string' ? { file: item.file } : {}),
        changes,
      };
    });
  return { steps, items };
}

export function parseToTimeline(message: unknown): ToTimeline | undefined {
  if (!isObject(message)) return undefined;
  if (message.type === 'plan') return { type: 'plan', plan: normalizePlan(message.plan) };
  if (message.type === 'status' && (message.message === null || typeof message.message === 'string')) {
    return { type: 'status', message: message.message === null ? null : message.message.slice(0, 500) };
  }
  if (message.type === 'defaults' && isObject(message.defaults)) {
    const { collapseFeatures, zoom } = message.defaults;
    const percent = typeof zoom === 'number' && Number.isFinite(zoom) && zoom > 0 ? zoom : 100;
    return { type: 'defaults', defaults: { collapseFeatures: collapseFeatures === true, zoom: percent } };
  }
  if (message.type === 'trend') {
    const every: TrendEvery = trendSteps.includes(message.every as TrendEvery) ? (message.every as TrendEvery) : 'month';
    const reason = typeof message.reason === 'string' ? message.reason.slice(0, 500) : null;
    return { type: 'trend', every, history: message.history === null ? null : normalizeTrend(message.history), reason };
  }
  if (message.type === 'highlight') {
    if (message.id === null || typeof message.id === 'string') return { type: 'highlight', id: message.id };
  }
  return undefined;
}
