// `unknown-acronym`: an acronym-like word in a name or description (of a plan, or of an overrides
// file's prose) that no glossary defines, with "did you mean …" when a known term is close. Fixed
// by the suggestion, or by adding the term to the plan's acronyms, the glossary file or the skip list.
import type { Problem, ReportedProblem } from '../checks/problems';
import { addAcronym, yamlKey } from '../edits/planEdits';
import { findAcronyms } from '../glossary/glossary';
import { csvTermAddition } from '../glossary/glossaryFiles';
import { appendLine, lineEnding, singleEdit, type TextEdit } from '../text/edits';
import type { Span } from '../yaml/nodes';
import { defineRule, type FixContext, type PlanCodeAction } from './rule';

/** Adds `term` to a glossary file in its format; the placeholder definition's span after the edit is where the cursor goes. */
function addToGlossary(name: string, text: string, term: string): { edit: TextEdit; definitionSpan: Span } {
  const definition = `TODO define ${term}`;
  if (/\.csv$/i.test(name)) return csvTermAddition(text, term, definition);
  const edit = appendLine(text, `${/\.ya?ml$/i.test(name) ? `${yamlKey(term)}: ` : `${term}:`}${definition}`);
  const start = edit.start + edit.text.length - lineEnding(text).length - definition.length;
  return { edit, definitionSpan: { start, end: start + definition.length } };
}

function fixes(problem: ReportedProblem, context: FixContext): PlanCodeAction[] {
  const data = problem.data;
  if (data?.kind !== 'acronym') return [];
  const term = data.term;
  const actions: PlanCodeAction[] = [];
  if (data.suggestion) actions.push(context.action(`Replace with ${data.suggestion}`, singleEdit(context.document.uri, problem, data.suggestion), true));
  if (context.document.kind === 'plan') actions.push(context.action(`Add ${term} to this plan's acronyms`, addAcronym(context.document.file, term)));
  const { glossaryFile, skipFile } = context.targets;
  if (glossaryFile) {
    const { edit, definitionSpan } = addToGlossary(glossaryFile.name, glossaryFile.text, term);
    actions.push({ ...context.action(`Add ${term} to ${glossaryFile.name}`, new Map([[glossaryFile.uri, [edit]]])), select: { uri: glossaryFile.uri, span: definitionSpan } });
  }
  if (skipFile) actions.push(context.action(`Add ${term} to the skip list ${skipFile.name}`, new Map([[skipFile.uri, [appendLine(skipFile.text, term)]]])));
  return actions;
}

export default defineRule({
  code: 'unknown-acronym',
  severity: 'information',
  short: 'Unknown acronym',
  full: 'An acronym-like word in a `name` or `description` (or an overrides file\'s prose) that no glossary defines ("did you mean …").',
  checkProse(text, spans, glossary) {
    const found: Problem[] = [];
    for (let index = 0; index < spans.length; index += 2) {
      const start = spans[index]!;
      const source = text.slice(start, spans[index + 1]);
      for (const hit of findAcronyms(source, glossary)) {
        if (hit.known) continue;
        const suggestion = glossary.suggest(hit.term);
        const meaning = suggestion ? glossary.preferred(suggestion)?.definition : undefined;
        found.push({
          code: 'unknown-acronym',
          message: suggestion
            ? `Unknown acronym ${hit.term}: did you mean ${suggestion}${meaning ? ` (${meaning})` : ''}?`
            : `Unknown acronym ${hit.term}: no glossary defines it. Add it to the plan's acronyms or a glossary, or to the skip list.`,
          start: start + hit.start,
          end: start + hit.end,
          data: { kind: 'acronym', term: hit.term, suggestion },
        });
      }
    }
    return found;
  },
  fixes,
});
