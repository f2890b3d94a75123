// The rows of a CSV file (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks),
// each with the line it starts on, and a bad row reported and stepped over rather than swallowing
// the rows after it: a quote left open would otherwise run on to the next quote in the file.

export interface CsvRow {
  fields: string[];
  /** 0-based line the row starts on. */
  line: number;
}

export interface CsvRowProblem {
  line: number;
  message: string;
}

/**
 * Every row with as many fields as the first (the header); a row with another number, or a quote
 * not closed where its row should end, is a problem, and reading goes on at the line after the
 * one it started on.
 */
export function readCsvRows(text: string): { rows: CsvRow[]; problems: CsvRowProblem[] } {
  const rows: CsvRow[] = [];
  const problems: CsvRowProblem[] = [];
  let width: number | undefined;
  let position = 0;
  let line = 0;
  while (position < text.length) {
    const lineEnd = endOfLine(text, position);
    if (text.slice(position, lineEnd).trim() === '') {
      [position, line] = [nextLine(text, lineEnd), line + 1];
      continue;
    }
    const row = readRow(text, position);
    width ??= row.fields.length;
    const spansLines = row.lines > 0;
    if (row.error === undefined && row.fields.length === width) {
      rows.push({ fields: row.fields, line });
      [position, line] = [row.end, line + 1 + row.lines];
      continue;
    }
    const shown = text.slice(position, lineEnd).replace(/\r$/, '');
    const snippet = shown.length > 60 ? `${shown.slice(0, 60)}…` : shown;
    if (spansLines || row.error === 'unclosed') {
      problems.push({ line, message: `The quote opened in "${snippet}" is not closed on its line: this row is left out. Close the quote, or double it ("") to mean a quote character.` });
    } else if (row.error === 'after-quote') {
      problems.push({ line, message: `Text follows a closing quote in "${snippet}": this row is left out. Quote the whole field, doubling the quotes inside it ("").` });
    } else {
      problems.push({ line, message: `The row "${snippet}" has ${row.fields.length} fields where the header has ${width}: it is left out. Quote a field that holds a comma.` });
    }
    // Step over the row's first line only: what a runaway quote swallowed is read again.
    [position, line] = spansLines || row.error !== undefined ? [nextLine(text, lineEnd), line + 1] : [row.end, line + 1];
  }
  return { rows, problems };
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function nextLine(text: string, lineEnd: number): number {
  return Math.min(text.length, lineEnd + 1);
}

/** One row from `start`: its fields, where the next row starts, how many line breaks its quotes hold, and what was wrong. */
function readRow(text: string, start: number): { fields: string[]; end: number; lines: number; error?: 'unclosed' | 'after-quote' } {
  const fields: string[] = [];
  let position = start;
  let lines = 0;
  for (;;) {
    if (text[position] === '"') {
      let close = text.indexOf('"', position + 1);
      while (close >= 0 && text[close + 1] === '"') close = text.indexOf('"', close + 2);
      if (close < 0) return { fields, end: text.length, lines, error: 'unclosed' };
      const field = text.slice(position + 1, close);
      lines += countLineBreaks(field);
      fields.push(field.replaceAll('""', '"').replaceAll('\r\n', '\n'));
      position = close + 1;
      const next = text[position];
      if (next === ',') {
        position++;
        continue;
      }
      if (next === '\r' && text[position + 1] === '\n') return { fields, end: position + 2, lines };
      if (next === '\n' || next === undefined) return { fields, end: position + 1, lines };
      return { fields, end: nextLine(text, endOfLine(text, position)), lines, error: 'after-quote' };
    }
    const comma = text.indexOf(',', position);
    const lineEnd = endOfLine(text, position);
    if (comma >= 0 && comma < lineEnd) {
      fields.push(text.slice(position, comma));
      position = comma + 1;
      continue;
    }
    fields.push(text.slice(position, text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd));
    return { fields, end: nextLine(text, lineEnd), lines };
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
