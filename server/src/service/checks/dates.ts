// The date rules: `invalid-date` (and the `schema` problem of a date left empty or written as a
// list or map) on a segment's dates; `completed-in-future` and `overdue` on an item, judged
// against the plan's asOf date; and `slipped`, a forecast too far after the due date.
import { isCompleted, progressOf, slipDays } from '../model/itemState';
import { withOverriddenDates, type OverriddenDates } from '../model/overrides';
import type { PlanItem } from '../model/planItem';
import type { SegmentModel } from '../model/segmentModel';
import { dateProblem } from '../text/dates';
import type { Span, YNode } from '../yaml/nodes';
import type { Problem } from './problems';

/** The date fields of a segment: the plan's `asOf`, and each item's `due` (required), `forecast` and `completed`. Spans relative to the segment. */
export function dateFormatProblems(model: SegmentModel): Problem[] {
  const problems: Problem[] = [];
  const asOf = model.top.get('asOf');
  if (asOf) problems.push(...checkDate(asOf.node, 'asOf', 'the plan', asOf.keySpan, true));
  for (const item of [...model.milestones, ...model.features]) {
    const label = `${item.kind} ${item.id}`;
    const due = item.pairOf('due');
    if (due) problems.push(...checkDate(due.value, 'due', label, due.key, true));
    const forecast = item.pairOf('forecast');
    if (forecast) problems.push(...checkDate(forecast.value, 'forecast', label, forecast.key, false));
    const completed = item.pairOf('completed');
    if (completed) problems.push(...checkDate(completed.value, 'completed', label, completed.key, false));
  }
  return problems;
}

/** `invalid-date` for a malformed date; `schema` for a missing value or a list or map. */
export function checkDate(node: YNode | null, key: string, owner: string, keySpan: Span, required: boolean): Problem[] {
  if (!node || (node.kind === 'scalar' && (node.value === null || node.value === ''))) {
    if (!required) return [];
    const span = node && node.end > node.start ? node : keySpan;
    return [{ code: 'schema', message: `"${key}" of ${owner} must be a date (YYYY-MM-DD).`, start: span.start, end: span.end }];
  }
  if (node.kind !== 'scalar') {
    return [{ code: 'schema', message: `"${key}" of ${owner} must be a date (YYYY-MM-DD), not a ${node.kind === 'seq' ? 'list' : 'map'}.`, start: node.start, end: node.end }];
  }
  const problem = dateProblem(typeof node.value === 'string' ? node.value : node.source || String(node.value));
  return problem ? [{ code: 'invalid-date', message: problem, start: node.start, end: node.end }] : [];
}

/**
 * `completed-in-future` and `overdue` of an item, as of `asOf`, with the dates an overrides file
 * gives it applied (the problem then on the item's ID, and the message naming the file); and
 * `slipped`, a forecast more than `slipThresholdDays` after the due date.
 */
export function checkItemDates(planned: PlanItem, asOf: string, slipThresholdDays: number, problems: Problem[], overridden?: OverriddenDates): void {
  const item = overridden ? withOverriddenDates(planned, overridden) : planned;
  const from = (key: 'due' | 'completed') => (overridden?.[key] !== undefined ? ` (${overridden.source})` : '');
  const label = item.kind === 'milestone' ? 'Milestone' : 'Feature';
  if (item.completed && item.completed > asOf) {
    const field = overridden?.completed === undefined ? item.field('completed') : undefined;
    problems.push({
      code: 'completed-in-future',
      message: `${label} ${item.id} is marked completed ${item.completed}${from('completed')}, after ${asOf} (as of).`,
      ...(field ? field.valueSpan : item.idSpan),
      data: { kind: 'item', id: item.id },
    });
  }
  if (progressOf(item, asOf) === 'overdue') {
    problems.push({
      code: 'overdue',
      message: `${label} ${item.id} was due ${item.due}${from('due')} and is not completed${from('completed')} (as of ${asOf}).`,
      ...item.idSpan,
      data: { kind: 'item', id: item.id },
    });
  }
  const slip = slipDays(item);
  if (slip !== undefined && slip > slipThresholdDays && !isCompleted(item)) {
    const allowed = slipThresholdDays > 0 ? `more than the ${slipThresholdDays} day${slipThresholdDays === 1 ? '' : 's'} milestones.slipThresholdDays allows` : 'milestones.slipThresholdDays is 0';
    problems.push({
      code: 'slipped',
      message: `${label} ${item.id} is forecast ${item.forecast}, ${slip} day${slip === 1 ? '' : 's'} after its due date ${item.due} (${allowed}).`,
      ...item.field('forecast')!.valueSpan,
      data: { kind: 'item', id: item.id },
    });
  }
}
