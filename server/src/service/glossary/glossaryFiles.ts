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
  text.split(/\r\n|\r|\n/).forEach((raw, line) => {
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
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line;
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

const tagSeparators = /[\s,;]+/;

function splitTags(field: string): string[] {
  if (field === '') return [];
  return tagSeparators.test(field) ? field.split(tagSeparators).filter(Boolean) : [field];
}

function parseCsvGlossary(fileName: string, text: string, source: string, options: GlossaryReadOptions): { entries: GlossaryEntry[]; problems: GlossaryFileProblem[] } {
  const entries: GlossaryEntry[] = [];
  const { rows, problems: rowProblems } = readCsvRows(text);
  const problems: GlossaryFileProblem[] = [...rowProblems];
  const header = rows[0]?.fields.map((cell) => cell.trim()) ?? [];
  const term = header.indexOf('Term');
  const description = header.indexOf('Description');
  if (term < 0 || description < 0) {
    return { entries, problems: [{ line: rows[0]?.line ?? 0, message: `The glossary CSV's header needs the columns Term and Description (LSST's has ${csvColumns.join(',')}); found ${header.join(',') || 'nothing'}.` }] };
  }
  const tags = header.indexOf('Subsystem Tags');
  const documentationTags = header.indexOf('Documentation Tags');
  const type = header.indexOf('Type');
  if (tags < 0 && (options.tags?.length ?? 0) > 0) {
    problems.push({ line: 0, severity: 'warning', message: `${baseName(fileName)} has no Subsystem Tags column, so milestones.glossaryTags (${options.tags!.join(', ')}) choose nothing among its rows: add the column, or list a file that has it.` });
  }
  let terms = 0;
  for (let index = 1; index < rows.length; index++) {
    const { fields, line } = rows[index]!;
    if (isBlankRow(fields)) continue;
    terms++;
    // As Python's csv.DictReader reads a row of another length: the missing fields empty, the extra ones not read.
    if (fields.length !== header.length) {
      const count = `The row "${shortRow(fields)}" has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${header.length}`;
      problems.push({
        line,
        severity: 'warning',
        message: fields.length < header.length ? `${count}: the missing ones are read as empty.` : `${count}: the fields past the ${ordinal(header.length)} are not read. Quote a field that holds a comma.`,
      });
    }
    const termText = fieldAt(fields, term).trim();
    const written = fieldAt(fields, description);
    const definition = (written.includes('\r') ? written.replace(/\r\n?/g, '\n') : written).trim();
    if (termText === '' || definition === '') {
      problems.push({ line, message: termText === '' ? 'A row without a term.' : `${termText} has no description.` });
      continue;
    }
    entries.push({
      term: termText,
      definition,
      source,
      tags: splitTags(fieldAt(fields, tags)),
      documentationTags: splitTags(fieldAt(fields, documentationTags)),
      type: fieldAt(fields, type).trim() || undefined,
      line,
    });
  }
  if (terms === 0) problems.push({ line: rows[0]!.line, severity: 'warning', message: `${baseName(fileName)} has a header and no terms: add a row for each term under it.` });
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

/** A row's field in a column (empty when the row is short, or the file has no such column). */
function fieldAt(fields: readonly string[], column: number): string {
  return column >= 0 ? (fields[column] ?? '') : '';
}

/** A row of blank fields (a line of spaces or commas), which holds no term. */
function isBlankRow(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/** A row as a message quotes it: its fields joined, cut at 60 characters. */
function shortRow(fields: readonly string[]): string {
  const joined = fields.join(',').replace(/\r?\n|\r/g, ' ');
  return joined.length > 60 ? `${joined.slice(0, 60)}…` : joined;
}

function ordinal(count: number): string {
  const suffix = count % 100 >= 11 && count % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][count % 10] ?? 'th';
  return `${count}${suffix}`;
}

/**
 * The edit that adds a row for `term` to a glossary CSV: in the file's columns, Type `A` (an
 * acronym, as lsst-texmf tests it), at its sorted place among the rows of that Type (LSST's
 * glossary keeps its acronyms sorted, then its glossary terms), with the file's line ends; and the
 * span of `definition` in the text after the edit, for the cursor.
 */
export function csvTermAddition(text: string, term: string, definition: string): { edit: TextEdit; definitionSpan: Span } {
  const { rows } = readCsvRows(text);
  const found = rows[0]?.fields.map((cell) => cell.trim()) ?? [];
  const header = found.includes('Term') && found.includes('Description') ? found : csvColumns;
  const type = 'A';
  const cells = header.map((column) => (column === 'Term' ? csvField(term) : column === 'Description' ? csvField(definition) : column === 'Type' ? type : ''));
  const row = cells.join(',');
  const definitionInRow = cells.slice(0, header.indexOf('Description')).reduce((length, cell) => length + cell.length + 1, 0);
  const eol = lineEnding(text);
  const body = header === found ? rows.slice(1) : [];
  const typeColumn = header.indexOf('Type');
  const termColumn = header.indexOf('Term');
  // The rows of its Type (all of them, without a Type column), with where each is in the file.
  const peers = body.map((candidate, index) => ({ term: (candidate.fields[termColumn] ?? '').trim(), index })).filter(({ index }) => typeColumn < 0 || (body[index]!.fields[typeColumn] ?? '').trim() === type);
  let at = text.length;
  if (peers.length > 0) {
    // The order the rows follow, but for a few out of place (a hand-kept file has some); rows in no
    // order get the new one after their last.
    const outOfOrder = (compare: (a: string, b: string) => number) => peers.filter((peer, index) => index > 0 && compare(peers[index - 1]!.term, peer.term) > 0).length;
    const [order, misplaced] = [caseInsensitiveOrder, codeUnitOrder].map((compare) => [compare, outOfOrder(compare)] as const).reduce((best, next) => (next[1] < best[1] ? next : best));
    const next = misplaced * 10 <= peers.length - 1 ? peers.find((peer) => order(term, peer.term) < 0) : undefined;
    const before = next ? body[next.index] : body[peers[peers.length - 1]!.index + 1];
    if (before) at = before.start;
  }
  const atEnd = at === text.length;
  const prefix = atEnd && text.length > 0 && !/[\r\n]$/.test(text) ? eol : '';
  const edit: TextEdit = { start: at, end: at, text: `${prefix}${row}${eol}` };
  const start = at + prefix.length + definitionInRow;
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
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}
