// `duplicate-feature`: the same ID twice in one milestone's `features` list.
import { removeListItem } from '../edits/planEdits';
import { singleEdit } from '../text/edits';
import { defineRule, type FixContext, type PlanCodeAction } from './rule';
import type { ReportedProblem } from '../checks/problems';

function removeRepeat(problem: ReportedProblem, context: FixContext): PlanCodeAction | undefined {
  if (context.document.kind !== 'plan') return undefined;
  const edit = removeListItem(context.document.file.text, problem);
  return context.action('Remove the repeated feature', singleEdit(context.document.uri, edit, ''), true);
}

export default defineRule({
  code: 'duplicate-feature',
  severity: 'warning',
  short: 'Feature listed twice',
  full: 'The same ID twice in one `features` list.',
  checkItem(milestone, _context, problems) {
    if (milestone.kind !== 'milestone') return;
    const seen = new Set<string>();
    for (const reference of milestone.featureReferences) {
      if (!seen.has(reference.id)) {
        seen.add(reference.id);
        continue;
      }
      problems.push({
        code: 'duplicate-feature',
        message: `${reference.id} is listed more than once in ${milestone.id}.`,
        ...reference.span,
        data: { kind: 'pair', milestone: milestone.id, feature: reference.id },
      });
    }
  },
  fixes: (problem, context) => [removeRepeat(problem, context)].filter((action) => action !== undefined),
  safeFix: removeRepeat,
});
