// A problem found in a plan: a rule code, a message for the user and the exact span it is about.
import type { RuleCode, Severity } from './rules';
import type { Span } from '../yaml/nodes';

export interface Problem extends Span {
  code: RuleCode;
  message: string;
  /** What a quick fix needs to know, e.g. the IDs and dates of a pair check. */
  data?: ProblemData;
}

export interface ReportedProblem extends Problem {
  severity: Severity;
}

export type ProblemData =
  | { kind: 'pair'; milestone: string; feature: string }
  | { kind: 'unknown-feature'; milestone: string; feature: string; suggestion?: string }
  | { kind: 'unknown-key'; key: string; suggestion?: string }
  | { kind: 'acronym'; term: string; suggestion?: string }
  | { kind: 'date'; normalized?: string }
  | { kind: 'item'; id: string };

/** A problem moved by `delta`; built field by field, which is much faster than a spread in hot loops. */
export function shiftedProblem(problem: Problem, delta: number): Problem {
  return { code: problem.code, message: problem.message, start: problem.start + delta, end: problem.end + delta, data: problem.data };
}
