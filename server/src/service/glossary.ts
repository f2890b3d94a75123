// Glossaries: loading the three file formats (YAML map, `TERM:definition` text, the LSST glossary
// CSV), merging meanings, choosing among them by tag, and finding acronyms in free text the way
// LSST's acronym tool does.
import { parse as parseCsv } from 'csv-parse/sync';
import { isMap, isScalar, parseDocument } from 'yaml';
import { closestMatch } from './suggest';

export interface GlossaryEntry {
  term: string;
  definition: string;
  /** 'built-in', a glossary file path as configured, or a plan file's URI. */
  source: string;
  /** Subsystem tags (the CSV's "Subsystem Tags"); [] otherwise. */
  tags: string[];
  documentationTags?: string[];
  /** The CSV's "Type" column, e.g. "Acronym" or "Term". */
  type?: string;
  /** 0-based line in the source file, when known. */
  line?: number;
}

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

const standardShape = /^[A-Z][A-Z0-9]+$/;

export class Glossary {
  private readonly byTerm = new Map<string, GlossaryEntry[]>();
  private readonly preferredTags: readonly string[];
  private readonly skip: Set<string>;
  /** Terms not of the standard shape, as one alternation, longest first. */
  readonly specialTerms: RegExp | undefined;

  constructor(entries: Iterable<GlossaryEntry>, options: { preferredTags?: readonly string[]; skip?: Iterable<string> } = {}) {
    for (const entry of entries) {
      const list = this.byTerm.get(entry.term);
      if (list) list.push(entry);
      else this.byTerm.set(entry.term, [entry]);
    }
    this.preferredTags = options.preferredTags ?? [];
    this.skip = new Set(options.skip ?? []);
    const special = [...this.byTerm.keys()].filter((term) => !standardShape.test(term) && term.trim() !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    // A term stands alone: not inside a longer word, and a hyphen ends a word.
    this.specialTerms = special.length > 0 ? new RegExp(`(?<![A-Za-z0-9_])(?:${special.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`, 'g') : undefined;
  }

  meanings(term: string): GlossaryEntry[] {
    const list = this.byTerm.get(term) ?? [];
    const preferred = this.preferred(term);
    return preferred ? [preferred, ...list.filter((entry) => entry !== preferred)] : list;
  }

  preferred(term: string): GlossaryEntry | undefined {
    const list = this.byTerm.get(term);
    if (!list || list.length === 0) return undefined;
    if (this.preferredTags.length > 0) {
      const tagged = list.find((entry) => entry.tags.some((tag) => this.preferredTags.includes(tag)));
      if (tagged) return tagged;
    }
    return list[0];
  }

  has(term: string): boolean {
    return this.byTerm.has(term);
  }

  isSkipped(term: string): boolean {
    return this.skip.has(term);
  }

  terms(): string[] {
    return [...this.byTerm.keys()];
  }

  suggest(word: string): string | undefined {
    return closestMatch(word, this.byTerm.keys());
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface AcronymHit {
  term: string;
  start: number;
  end: number;
  known: boolean;
}

const acronymWord = /\b[A-Z][A-Z0-9]+\b/g;

/** Every acronym in free text: glossary terms of any shape first (longest first), then standard-shape words. */
export function findAcronyms(text: string, glossary: Glossary): AcronymHit[] {
  const hits: AcronymHit[] = [];
  const taken: [number, number][] = [];
  if (glossary.specialTerms) {
    glossary.specialTerms.lastIndex = 0;
    for (let match = glossary.specialTerms.exec(text); match; match = glossary.specialTerms.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      taken.push([start, end]);
      if (!glossary.isSkipped(match[0])) hits.push({ term: match[0], start, end, known: true });
    }
  }
  acronymWord.lastIndex = 0;
  for (let match = acronymWord.exec(text); match; match = acronymWord.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some(([takenStart, takenEnd]) => start < takenEnd && end > takenStart)) continue;
    if (glossary.isSkipped(match[0])) continue;
    hits.push({ term: match[0], start, end, known: glossary.has(match[0]) });
  }
  return hits.sort((a, b) => a.start - b.start);
}
