// Reading glossary files: a YAML map `TERM: definition`, a `TERM:definition` text file (LSST's
// `myacronyms.txt`), the LSST glossary CSV, and `skipacronyms.txt`-style skip lists; and the row
// that adds a term to a CSV in the file's own columns and order.
import { isMap, isScalar, parseDocument } from 'yaml';
import { readCsvRows } from './csvRows';
import { lineEnding, type TextEdit } from '../text/edits';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../yaml/nodes';
import type { GlossaryEntry } from './glossary';

export interface GlossaryFileProblem {
  line: number; // 0-based
  message: string;
  /** A file that reads, but not as the settings expect; otherwise an error. */
  severity?: 'warning';
}

export interface GlossaryReadOptions {
  /** `milestones.glossaryTags`: a CSV without a tags column is worth a warning when they are set. */
  tags?: readonly string[];
}

const csvColumns = ['Term', 'Description', 'Subsystem Tags', 'Documentation Tags', 'Associated Acronyms and Alternative Terms', 'Type'];

export function parseGlossaryFile(fileName: string, text: string, source: string, options: GlossaryReadOptions = {}): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const binary = notTextProblem(fileName, text);
  if (binary) return { entries: [], problems: [binary] };
  text = text.replace(/^\uFEFF/, '');
  if (/\.ya?ml$/i.test(fileName)) return parseYamlGlossary(text, source);
  if (/\.csv$/i.test(fileName)) return parseCsvGlossary(fileName, text, source, options);
  return parseTextGlossary(text, source);
}

/** One problem for a file that is not text (it holds NUL characters), rather than one per line of bytes. */
export function notTextProblem(fileName: string, text: string): GlossaryFileProblem | undefined {
  if (!text.includes('\u0000')) return undefined;
  return { line: 0, message: `${baseName(fileName)} is not a text file: a glossary is a CSV, YAML or TERM:definition text file, and a skip list one term a line.` };
}

function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
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

function parseCsvGlossary(fileName: string, text: string, source: string, options: GlossaryReadOptions): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const entries: GlossaryEntry[] = [];
  const { rows, problems: rowProblems } = readCsvRows(text);
  const problems: GlossaryFileProblem[] = rowProblems;
  const header = rows[0]?.fields.map((cell) => cell.trim()) ?? [];
  const term = header.indexOf('Term');
  const description = header.indexOf('Description');
  if (term < 0 || description < 0) {
    return { entries, problems: [{ line: 0, message: `The glossary CSV's header needs the columns Term and Description (LSST's has ${csvColumns.join(',')}); found ${header.join(',') || 'nothing'}.` }] };
  }
  const tags = header.indexOf('Subsystem Tags');
  const documentationTags = header.indexOf('Documentation Tags');
  const type = header.indexOf('Type');
  if (tags < 0 && (options.tags?.length ?? 0) > 0) {
    problems.push({ line: 0, severity: 'warning', message: `${baseName(fileName)} has no Subsystem Tags column, so milestones.glossaryTags (${options.tags!.join(', ')}) choose nothing among its rows: add the column, or list a file that has it.` });
  }
  for (const { fields, line } of rows.slice(1)) {
    const termText = fields[term]!.trim();
    const definition = fields[description]!.trim();
    if (termText === '' || definition === '') {
      problems.push({ line, message: termText === '' ? 'A row without a term.' : `${termText} has no description.` });
      continue;
    }
    entries.push({
      term: termText,
      definition,
      source,
      tags: tags >= 0 ? splitTags(fields[tags]) : [],
      documentationTags: documentationTags >= 0 ? splitTags(fields[documentationTags]) : [],
      type: type >= 0 ? fields[type]!.trim() || undefined : undefined,
      line,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

/**
 * The edit that adds a row for `term` to a glossary CSV: in the file's columns, Type `A` (an
 * acronym, as lsst-texmf tests it), before the first row that sorts after it when the rows are
 * sorted (else at the end), with the file's line ends; and the span of `definition` in the text
 * after the edit, for the cursor.
 */
export function csvTermAddition(text: string, term: string, definition: string): { edit: TextEdit; definitionSpan: Span } {
  const { rows } = readCsvRows(text);
  const found = rows[0]?.fields.map((cell) => cell.replace(/^\uFEFF/, '').trim()) ?? [];
  const header = found.includes('Term') && found.includes('Description') ? found : csvColumns;
  const termColumn = header.indexOf('Term');
  const cells = header.map((column) => (column === 'Term' ? csvField(term) : column === 'Description' ? csvField(definition) : column === 'Type' ? 'A' : ''));
  const row = cells.join(',');
  const definitionInRow = cells.slice(0, header.indexOf('Description')).reduce((length, cell) => length + cell.length + 1, 0);
  const eol = lineEnding(text);
  const entries = header === found ? rows.slice(1).map((candidate) => ({ term: candidate.fields[termColumn]!.trim(), line: candidate.line })) : [];
  const order = [caseInsensitiveOrder, codeUnitOrder].find((compare) => entries.every((entry, index) => index === 0 || compare(entries[index - 1]!.term, entry.term) <= 0));
  const next = order && entries.find((entry) => order(term, entry.term) < 0);
  let edit: TextEdit;
  let rowStart: number;
  if (next) {
    const start = new LineIndex(text).offsetAt({ line: next.line, character: 0 });
    edit = { start, end: start, text: `${row}${eol}` };
    rowStart = start;
  } else {
    const prefix = text.length === 0 || text.endsWith('\n') ? '' : eol;
    edit = { start: text.length, end: text.length, text: `${prefix}${row}${eol}` };
    rowStart = text.length + prefix.length;
  }
  const start = rowStart + definitionInRow;
  return { edit, definitionSpan: { start, end: start + csvField(definition).length } };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const caseInsensitiveOrder = (a: string, b: string) => codeUnitOrder(a.toLowerCase(), b.toLowerCase());
const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A skipacronyms.txt-style list: one term a line, `#` comments, blank lines ignored. */
export function parseSkipList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
