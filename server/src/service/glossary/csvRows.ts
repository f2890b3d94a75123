// The rows of a CSV file as Python's `csv` module reads them (the excel dialect, which lsst-texmf's
// tools use), each with the line it starts on — with one difference: a quote left open runs, in
// Python, on to the next quote in the file and swallows the rows between into one field; here that
// row alone is left out, with a warning on its line, and the lines after it are read as rows.
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
 * one it started on.
 */
export function readCsvRows(text: string): { rows: CsvRow[]; problems: CsvRowProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CsvRowProblem[] = [];
  let width: number | undefined;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (position < text.length) {
    const first = text.charCodeAt(position);
    if (first === carriageReturn || first === lineFeed) {
      // A blank line, which Python reads as an empty row: no row at all.
      position = afterLineBreak(text, position);
      line++;
      continue;
    }
    const record = readRecord(text, position);
    if (record.quotedBreaks > 0 && (record.unclosed || (width !== undefined && record.fields.length !== width))) {
      problems.push({
        line,
        severity: 'warning',
        message: `The quote opened in "${snippet(text, position)}" is not closed on its line: this row is left out, and the lines after it are read as rows (Python's csv would read them into this field). Close the quote, or double it ("") to mean a quote character.`,
      });
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

/** One record from `start` (not at a line break): its fields, up to and past its line break. */
function readRecord(text: string, start: number): RecordRead {
  const fields: string[] = [];
  const record: RecordRead = { fields, end: text.length, quotedBreaks: 0, unclosed: false };
  let position = start;
  for (;;) {
    let field: string;
    if (text.charCodeAt(position) === quote) {
      // A quoted field: to the next quote that is not doubled.
      let from = position + 1;
      let close = text.indexOf('"', from);
      let value = '';
      while (close >= 0 && text.charCodeAt(close + 1) === quote) {
        value += text.slice(from, close + 1);
        from = close + 2;
        close = text.indexOf('"', from);
      }
      if (close < 0) {
        value += text.slice(from);
        // The file's last line break ends the line, not a row the quote runs on over.
        record.quotedBreaks += lineBreaks(value.replace(/(\r\n|\r|\n)$/, ''));
        record.unclosed = true;
        fields.push(value);
        return record;
      }
      value += text.slice(from, close);
      record.quotedBreaks += lineBreaks(value);
      // What follows the closing quote up to the comma or the line's end is part of the field.
      const stop = fieldEnd(text, close + 1);
      const after = text.slice(close + 1, stop);
      field = after === '' ? value : value + after;
      if (record.afterQuote === undefined && after.trim() !== '') record.afterQuote = field;
      position = stop;
    } else {
      const stop = fieldEnd(text, position);
      field = text.slice(position, stop);
      position = stop;
    }
    fields.push(field);
    if (position >= text.length) return record;
    if (text.charCodeAt(position) === comma) {
      position++;
      continue;
    }
    record.end = afterLineBreak(text, position);
    return record;
  }
}

/** The first comma or line break at or after `from`, or the text's end. */
function fieldEnd(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === comma || code === lineFeed || code === carriageReturn) return index;
  }
  return text.length;
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
