// One problem as the command line reports it: a file relative to the folder it ran in, and
// 1-based lines and columns (columns in UTF-16 code units, as LSP and SARIF count them).
import type { Severity } from '../service/checks/rules';

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
