// Rows of cells written out for people and for spreadsheets: aligned plain text, a Markdown table,
// and CSV. The CLI's reports, diff and burndown all print through these.

export type Cell = string | number | null;

function cellText(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

/** Columns padded to their widest cell, two spaces apart; trailing spaces trimmed. */
export function textTable(header: readonly string[], rows: readonly Cell[][]): string {
  const all = [header.slice(), ...rows.map((row) => row.map(cellText))];
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? '')].length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}

/** A Markdown table; `|` in a cell is escaped so that it stays one cell. */
export function markdownTable(header: readonly string[], rows: readonly Cell[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map((row) => line(row.map(cellText)))].join('\n') + '\n';
}

/** CSV (RFC 4180): cells with a comma, a quote or a line end are quoted, quotes doubled. */
export function csvTable(header: readonly string[], rows: readonly Cell[][]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...rows.map((row) => row.map(cellText))].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
