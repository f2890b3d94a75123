// `schema`: a value breaks the JSON Schema of plans (schemas/milestones.schema.json) or of overrides
// files: an unknown key ("did you mean …"), a wrong type, a missing name or due date.
import type { ReportedProblem } from '../checks/problems';
import { checkOverridesSchema, checkSchema } from '../checks/schema';
import { singleEdit } from '../text/edits';
import { defineRule, type FixContext, type PlanCodeAction } from './rule';

function renameKey(problem: ReportedProblem, context: FixContext): PlanCodeAction | undefined {
  const data = problem.data;
  if (data?.kind !== 'unknown-key' || data.suggestion === undefined) return undefined;
  return context.action(`Rename to ${data.suggestion}`, singleEdit(context.document.uri, problem, data.suggestion), true);
}

export default defineRule({
  code: 'schema',
  severity: 'error',
  short: 'Value breaks the plan schema',
  full: 'A value breaks the JSON Schema of plans or of overrides files: an unknown key ("did you mean …"), a wrong type, a missing `name` or `due`, or a second YAML document (`---`), which is not read.',
  checkSegment: (segment) => (segment.parsed.root ? checkSchema(segment.parsed.root, segment.section) : []),
  checkOverrides: (file) => checkOverridesSchema(file.root),
  fixes: (problem, context) => [renameKey(problem, context)].filter((action) => action !== undefined),
  safeFix: renameKey,
});
