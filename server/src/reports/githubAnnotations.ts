// The checker's problems as GitHub Actions workflow commands: each one becomes an annotation on
// its file and lines in the run's summary and the pull request's diff.
import type { Severity } from '../../../common/planSnapshot';
import { inputCode, type ProblemRow } from './problemRow';

/** Actions has three kinds of annotation. */
const commands: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A message: line breaks and `%` would end or garble the command. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate the properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message` line per problem (an input problem without lines). */
export function toGithubAnnotations(rows: readonly ProblemRow[]): string {
  return rows
    .map((row) => {
      // An input problem names a file or folder as a whole (one that may not exist): no lines.
      const lines = row.code === inputCode ? [] : [`line=${row.line}`, `endLine=${row.endLine}`, `col=${row.column}`, `endColumn=${row.endColumn}`];
      const properties = [`file=${escapeProperty(row.file.split('\\').join('/'))}`, ...lines, `title=${escapeProperty(`milestones ${row.code}`)}`];
      return `::${commands[row.severity]} ${properties.join(',')}::${escapeData(row.message)}\n`;
    })
    .join('');
}
