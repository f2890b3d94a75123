// A problem found in a plan: a rule code, a message for the user and the exact span it is about.
import type { Severity } from '../../../../common/planSnapshot';
import type { Span } from '../yaml/nodes';

export interface Problem extends Span {
  /** The code of the rule that found it (rules/registry.ts). */
  code: string;
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
  | { kind: 'link'; item: string; predecessor: string }
  | { kind: 'unknown-predecessor'; item: string; predecessor: string; suggestion?: string }
  | { kind: 'unknown-key'; key: string; suggestion?: string }
  /** An overrides file's entry for a code that no plan defines. */
  | { kind: 'unknown-code'; code: string; suggestion?: string }
  | { kind: 'acronym'; term: string; suggestion?: string }
  | { kind: 'date'; normalized?: string }
  | { kind: 'item'; id: string };

/**
 * The problems of one segment of a file as reported: offsets relative to `base`, where `text` (the
 * segment's) starts in the file, severities and suppressions applied, in order. The `problems`
 * array stays the same until the segment, the items its checks read, the glossary or the settings
 * change, so that what is made of it (diagnostics in lines and characters) can be kept with it.
 */
export interface ProblemGroup {
  readonly base: number;
  readonly text: string;
  readonly problems: readonly ReportedProblem[];
}

/** The problems of a file, by segment in file order; `all` gives them with offsets in the file. */
export class FileProblems {
  private flat: ReportedProblem[] | undefined;

  constructor(readonly groups: readonly ProblemGroup[]) {}

  get all(): ReportedProblem[] {
    if (!this.flat) {
      const flat: ReportedProblem[] = [];
      for (const { base, problems } of this.groups) {
        for (const problem of problems) flat.push({ code: problem.code, message: problem.message, start: problem.start + base, end: problem.end + base, data: problem.data, severity: problem.severity });
      }
      this.flat = flat;
    }
    return this.flat;
  }
}

/** A problem moved by `delta`; built field by field, which is much faster than a spread in hot loops. */
export function shiftedProblem(problem: Problem, delta: number): Problem {
  return { code: problem.code, message: problem.message, start: problem.start + delta, end: problem.end + delta, data: problem.data };
}
