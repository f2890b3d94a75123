// The `yaml-syntax` rule, and the `schema` problem of a second document: what the parser of a
// segment found, at the places it found it.
import type { ParsedYaml } from '../yaml/nodes';
import type { Problem } from './problems';

/** `split`: the segment was cut from a file split into segments, so its root must be a map. */
export function syntaxProblems(parsed: ParsedYaml, split: boolean): Problem[] {
  const problems: Problem[] = parsed.errors.map((error) => ({ code: 'yaml-syntax', message: error.message, start: error.start, end: error.end }));
  const extra = parsed.extraDocument;
  if (extra) {
    problems.push({ code: 'schema', message: 'A plan is one YAML document: this second document, and any after it, is not read. Move its content into the first document or into a plan file of its own.', start: extra.start, end: extra.end });
  }
  const root = parsed.root;
  if (root && split && root.kind !== 'map') {
    // What a whole parse reports here: a line at a map's indentation must be a key.
    problems.push({ code: 'yaml-syntax', message: 'Implicit map keys need to be followed by map values: add ":" after the key, or indent the line to continue the value above.', start: root.start, end: root.end });
  }
  return problems;
}
