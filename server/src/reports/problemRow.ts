// One problem as the command line reports it: a file relative to the folder it ran in, and
// 1-based lines and columns (columns in UTF-16 code units, as LSP and SARIF count them).
import type { Severity } from '../../../common/planSnapshot';

export interface ProblemRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

/**
 * The code of a problem with an input of the command rather than in it — a file that cannot be
 * read, a file that is not a plan, a folder without plans — at line 1 of the file or folder named.
 */
export const inputCode = 'input';

/** The code of a problem in a glossary file or the skip list, on its line (as the editor shows it). */
export const glossaryFileCode = 'glossary-file';

/** A problem with what the tool was given, which SARIF reports as a notification of the run rather than a result of a rule. */
export function isToolProblem(row: ProblemRow): boolean {
  return row.code === inputCode || row.code === glossaryFileCode;
}

/** An input problem as a row, at the start of the file or folder it names. */
export function inputRow(file: string, message: string): ProblemRow {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: inputCode, message };
}
