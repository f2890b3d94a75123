// The form of dates, for the `invalid-date` rule (rules/invalidDate.ts): each date of a segment, or
// of an overrides file, that is not YYYY-MM-DD or not a real day (and, as a `schema` problem, a
// required date left empty or written as a list or map).
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
