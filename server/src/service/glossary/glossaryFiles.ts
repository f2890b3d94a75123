// Reading glossary files: a YAML map `TERM: definition`, a `TERM:definition` text file (LSST's
// `myacronyms.txt`), the LSST glossary CSV, and `skipacronyms.txt`-style skip lists.
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { GlossaryEntry } from './glossary';

export interface GlossaryFileProblem {
  line: number; // 0-based
  message: string;
}

const csvColumns = ['Term', 'Description', 'Subsystem Tags', 'Documentation Tags', 'Associated Acronyms and Alternative Terms', 'Type'];

export function parseGlossaryFile(fileName: string, text: string, source: string): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  text = text.replace(/^\uFEFF/, '');
  if (/\.ya?ml$/i.test(fileName)) return parseYamlGlossary(text, source);
  if (/\.csv$/i.test(fileName)) return parseCsvGlossary(text, source);
  return parseTextGlossary(text, source);
}

function parseTextGlossary(text: string, source: string): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const entries: GlossaryEntry[] = [];
  const problems: GlossaryFileProblem[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const colon = content.indexOf(':');
    if (colon <= 0) {
      problems.push({ line, message: `Expected TERM:definition, found "${content.slice(0, 60)}".` });
      return;
    }
    entries.push({ term: content.slice(0, colon).trim(), definition: content.slice(colon + 1).trim(), source, tags: [], line });
  });
  return { entries, problems };
}

function parseYamlGlossary(text: string, source: string): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const entries: GlossaryEntry[] = [];
  const problems: GlossaryFileProblem[] = [];
  const lineOf = (offset: number) => {
    let line = 0;
    for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
    return line;
  };
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  for (const error of document.errors) problems.push({ line: lineOf(error.pos[0]), message: error.message.split('\n')[0]! });
  const root = document.contents;
  if (root === null) return { entries, problems };
  if (!isMap(root)) {
    problems.push({ line: 0, message: 'A YAML glossary is a map of TERM: definition.' });
    return { entries, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const offset = (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0;
    if (key === undefined) continue;
    if (!isScalar(pair.value) || typeof pair.value.value !== 'string') {
      problems.push({ line: lineOf(offset), message: `The definition of ${key} must be text.` });
      continue;
    }
    entries.push({ term: key, definition: pair.value.value, source, tags: [], line: lineOf(offset) });
  }
  return { entries, problems };
}

function splitTags(field: string | undefined): string[] {
  return (field ?? '').split(/[\s,;]+/).filter(Boolean);
}

function parseCsvGlossary(text: string, source: string): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const entries: GlossaryEntry[] = [];
  const problems: GlossaryFileProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, info: true, relax_quotes: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = Number((error as { lines?: number }).lines ?? 1) - 1;
    return { entries, problems: [{ line: Math.max(0, line), message: `The glossary CSV cannot be read: ${(error as Error).message}` }] };
  }
  const header = records[0]?.record.map((cell) => cell.trim()) ?? [];
  const column = (name: string) => header.indexOf(name);
  if (column('Term') < 0 || column('Description') < 0) {
    return { entries, problems: [{ line: 0, message: `The glossary CSV's header must have the columns ${csvColumns.join(',')}; found ${header.join(',') || 'nothing'}.` }] };
  }
  let previousEnd = records[0]!.info.lines;
  for (const { record, info } of records.slice(1)) {
    // info.lines counts the line the record ends on; a record with line breaks in quotes spans several.
    const line = previousEnd;
    previousEnd = info.lines;
    const term = record[column('Term')]?.trim() ?? '';
    const definition = record[column('Description')]?.trim() ?? '';
    if (term === '' || definition === '') {
      problems.push({ line, message: term === '' ? 'A row without a term.' : `${term} has no description.` });
      continue;
    }
    entries.push({
      term,
      definition,
      source,
      tags: splitTags(record[column('Subsystem Tags')]),
      documentationTags: splitTags(record[column('Documentation Tags')]),
      type: column('Type') >= 0 ? record[column('Type')]?.trim() || undefined : undefined,
      line,
    });
  }
  return { entries, problems };
}

/** A skipacronyms.txt-style list: one term a line, `#` comments, blank lines ignored. */
export function parseSkipList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
