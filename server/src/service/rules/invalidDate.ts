// `invalid-date`: a date that is not YYYY-MM-DD or not a real day (and, as a `schema` problem, a
// required date left empty or written as a list or map). Fixed where the date has one reading.
import type { ReportedProblem } from '../checks/problems';
import { checkDate, dateFormatProblems } from '../checks/dates';
import { replaceScalar } from '../edits/planEdits';
import { normalizeDate } from '../text/dates';
import { defineRule, type FixContext, type PlanCodeAction } from './rule';
import type { Problem } from '../checks/problems';

function normalize(problem: ReportedProblem, context: FixContext): PlanCodeAction | undefined {
  const text = context.document.file.text;
  const normalized = normalizeDate(text.slice(problem.start, problem.end).replace(/^["']|["']$/g, ''));
  return normalized ? context.action(`Change to ${normalized}`, new Map([[context.document.uri, [replaceScalar(text, problem, normalized)]]]), true) : undefined;
}

export default defineRule({
  code: 'invalid-date',
  severity: 'error',
  short: 'Invalid date',
  full: 'A date that is not written `YYYY-MM-DD`, or is not a real day of the calendar (`2021-02-30`).',
  checkSegment: (segment, model) => (segment.parsed.root ? dateFormatProblems(model) : []),
  checkOverrides(file) {
    const problems: Problem[] = [];
    for (const entry of file.entries) {
      for (const key of ['due', 'completed']) {
        const pair = entry.fields.get(key);
        if (pair) problems.push(...checkDate(pair.value, key, `the override of ${entry.code}`, pair.key, false));
      }
    }
    return problems;
  },
  fixes: (problem, context) => [normalize(problem, context)].filter((action) => action !== undefined),
  safeFix: normalize,
});
