// The `unknown-acronym` rule: an acronym-like word in a name or description that no glossary
// defines, with "did you mean …" when a known term is close.
import { findAcronyms, type Glossary } from '../glossary/glossary';
import type { Problem } from './problems';

/** The unknown acronyms in the free text of `text` (start and end offsets in pairs: a segment's names and descriptions, an overrides file's prose). */
export function acronymProblems(text: string, freeText: readonly number[], glossary: Glossary): Problem[] {
  const found: Problem[] = [];
  for (let index = 0; index < freeText.length; index += 2) {
    const start = freeText[index]!;
    const source = text.slice(start, freeText[index + 1]);
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
}
