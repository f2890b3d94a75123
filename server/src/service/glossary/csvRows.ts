// The rows of a CSV file as Python's `csv` module reads them (the excel dialect, which lsst-texmf's
// tools use), each with the line it starts on — with one difference: a quote left open runs, in
// Python, on to the next quote in the file and swallows the rows between into one field; here that
// row alone is left out, with a warning on its line, and the lines it swallowed are read as rows —
// each within those lines, so that reading after them starts where Python's does.
//
// Python's excel dialect: fields separated by commas; a field that starts with a quote runs to the
// next quote not doubled (`""` is a quote), over line breaks; text after that closing quote, up to
// the next comma, is joined to the field (`"abc" ,x` is `abc `); a quote elsewhere is a character;
// spaces are kept; a line break is CR LF, LF or CR alone; a blank line is no row.

export interface CsvRow {
  fields: string[];
  /** 0-based line the row starts on (lines end at CR LF, LF or CR). */
  line: number;
  /** Offset of the row's first character in the text. */
  start: number;
}

export interface CsvRowProblem {
  line: number;
  message: string;
  severity: 'warning';
}

const comma = 44;
const quote = 34;
const carriageReturn = 13;
const lineFeed = 10;

/** One record read from `start`, as Python reads it. */
interface RecordRead {
  fields: string[];
  /** Where the next record starts. */
  end: number;
  /** Line breaks inside quoted fields. */
  quotedBreaks: number;
  /** A quote never closed: its field runs to the end of the text. */
  unclosed: boolean;
  /** The first field whose closing quote some text other than spaces follows, with that field as read. */
  afterQuote?: string;
}

/**
 * Every row, in order. The first row's field count (the header's) tells a quote left open from a
 * field that holds line breaks: a row whose quoted field spans lines and whose count is not the
 * header's (or whose quote never closes) is left out, and reading goes on at the line after the
 * one it started on. Up to where Python's row ends, rows are read within those lines: a quote
 * there that would run past them (in Python it closes the field left open) leaves its row out too.
 */
export function readCsvRows(text: string): { rows: CsvRow[]; problems: CsvRowProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CsvRowProblem[] = [];
  let width: number | undefined;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  // Where the lines a left-out row swallowed in Python end (rows before it are read within it), and the line it started on.
  let limit = text.length;
  let leftOpenOn = 0;
  while (position < text.length) {
    if (position >= limit) limit = text.length;
    const first = text.charCodeAt(position);
    if (first === carriageReturn || first === lineFeed) {
      // A blank line, which Python reads as an empty row: no row at all.
      position = afterLineBreak(text, position);
      line++;
      continue;
    }
    const record = readRecord(text, position, limit);
    const runsPast = record.unclosed && limit < text.length;
    if (runsPast || (record.quotedBreaks > 0 && (record.unclosed || (width !== undefined && record.fields.length !== width)))) {
      const python = runsPast
        ? `Python's csv reads it as closing the quote left open on line ${leftOpenOn + 1}`
        : "Python's csv would read them into this field";
      problems.push({
        line,
        severity: 'warning',
        message: `The quote opened in "${snippet(text, position)}" is not closed on its line: this row is left out, and the lines after it are read as rows (${python}). Close the quote, or double it ("") to mean a quote character.`,
      });
      if (limit === text.length) {
        limit = record.end;
        leftOpenOn = line;
      }
      position = afterLineBreak(text, lineEnd(text, position));
      line++;
      continue;
    }
    if (record.unclosed) {
      problems.push({ line, severity: 'warning', message: `The quote opened in "${snippet(text, position)}" is not closed before the end of the file: the field runs to the end. Close the quote.` });
    } else if (record.afterQuote !== undefined) {
      problems.push({
        line,
        severity: 'warning',
        message: `Text follows a closing quote in "${snippet(text, position)}": it is read as part of the field, "${shortened(record.afterQuote)}", as Python's csv reads it. Quote the whole field, doubling the quotes inside it ("").`,
      });
    }
    width ??= record.fields.length;
    rows.push({ fields: record.fields, line, start: position });
    line += record.quotedBreaks + 1;
    position = record.end;
  }
  return { rows, problems };
}

/** One record from `start` (not at a line break), read as if the text ended at `limit`: its fields, up to and past its line break. */
function readRecord(text: string, start: number, limit: number): RecordRead {
  const fields: string[] = [];
  const record: RecordRead = { fields, end: limit, quotedBreaks: 0, unclosed: false };
  let position = start;
  for (;;) {
    let field: string;
    if (text.charCodeAt(position) === quote) {
      // A quoted field: to the next quote that is not doubled.
      let from = position + 1;
      let close = quoteBefore(text, from, limit);
      let value = '';
      while (close >= 0 && close + 1 < limit && text.charCodeAt(close + 1) === quote) {
        value += text.slice(from, close + 1);
        from = close + 2;
        close = quoteBefore(text, from, limit);
      }
      if (close < 0) {
        value += text.slice(from, limit);
        // The file's last line break ends the line, not a row the quote runs on over.
        record.quotedBreaks += lineBreaks(value.replace(/(\r\n|\r|\n)$/, ''));
        record.unclosed = true;
        fields.push(value);
        return record;
      }
      value += text.slice(from, close);
      record.quotedBreaks += lineBreaks(value);
      // What follows the closing quote up to the comma or the line's end is part of the field.
      const stop = fieldEnd(text, close + 1, limit);
      const after = text.slice(close + 1, stop);
      field = after === '' ? value : value + after;
      if (record.afterQuote === undefined && after.trim() !== '') record.afterQuote = field;
      position = stop;
    } else {
      const stop = fieldEnd(text, position, limit);
      field = text.slice(position, stop);
      position = stop;
    }
    fields.push(field);
    if (position >= limit) return record;
    if (text.charCodeAt(position) === comma) {
      position++;
      continue;
    }
    record.end = afterLineBreak(text, position);
    return record;
  }
}

/** The first quote at or after `from` and before `limit`, or -1. */
function quoteBefore(text: string, from: number, limit: number): number {
  const at = text.indexOf('"', from);
  return at < limit ? at : -1;
}

/** The first comma or line break at or after `from` and before `limit`, or `limit`. */
function fieldEnd(text: string, from: number, limit: number): number {
  for (let index = from; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === comma || code === lineFeed || code === carriageReturn) return index;
  }
  return limit;
}

/** The first line break at or after `from`, or the text's end. */
function lineEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === lineFeed || code === carriageReturn) return index;
  }
  return text.length;
}

/** Past the line break at `at` (CR LF counts as one). */
function afterLineBreak(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return text.charCodeAt(at) === carriageReturn && text.charCodeAt(at + 1) === lineFeed ? at + 2 : at + 1;
}

/** Line breaks in a text: CR LF, LF or CR alone. */
function lineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === lineFeed) count++;
    else if (code === carriageReturn) {
      count++;
      if (text.charCodeAt(index + 1) === lineFeed) index++;
    }
  }
  return count;
}

/** The line at `start`, as a message quotes it. */
function snippet(text: string, start: number): string {
  return shortened(text.slice(start, Math.min(lineEnd(text, start), start + 200)));
}

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
