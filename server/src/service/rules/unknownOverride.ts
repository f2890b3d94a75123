// `unknown-override`: an overrides file's entry for a code that no plan defines ("did you mean …"):
// its corrections apply to nothing.
import type { Problem } from '../checks/problems';
import { replaceScalar } from '../edits/planEdits';
import { defineRule } from './rule';

export default defineRule({
  code: 'unknown-override',
  severity: 'warning',
  short: 'Override of an unknown code',
  full: 'An overrides file has an entry for a code that no plan defines ("did you mean …"): what it sets applies to nothing.',
  checkOverrides(file, context) {
    const problems: Problem[] = [];
    for (const entry of file.entries) {
      if (context.plan.index.item(entry.code)) continue;
      const suggestion = context.suggestId(entry.code);
      problems.push({
        code: 'unknown-override',
        message: `No plan defines ${entry.code}, so this entry overrides nothing${suggestion ? `: did you mean ${suggestion}?` : '. Correct the code, or remove the entry once the milestone is gone from the schedule.'}`,
        start: entry.keySpan.start,
        end: entry.keySpan.end,
        data: { kind: 'unknown-code', code: entry.code, suggestion },
      });
    }
    return problems;
  },
  fixes(problem, context) {
    const data = problem.data;
    if (data?.kind !== 'unknown-code' || data.suggestion === undefined) return [];
    // A code the file has an entry for already would be a key written twice.
    const document = context.document;
    if (document.kind === 'overrides' && document.file.entries.some((entry) => entry.code === data.suggestion)) return [];
    // The code keeps its quotes: `'M-1x'` becomes `'M-1'`.
    return [context.action(`Replace with ${data.suggestion}`, new Map([[document.uri, [replaceScalar(document.file.text, problem, data.suggestion)]]]), true)];
  },
});
