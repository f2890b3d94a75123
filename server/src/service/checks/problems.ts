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

/**
 * The most problems one entry of a plan (or one overrides file) reports. A plan with thousands of
 * problems is shown whole; this bounds what a pathological value (a line of a million unknown
 * acronyms) costs the editor and the checker, which would otherwise build and send gigabytes.
 */
export const maxProblemsPerEntry = 100_000;

/** The first `maxProblemsPerEntry` of an entry's problems (in order), and one at the next that says how many more there are. */
export function cappedProblems(problems: ReportedProblem[]): ReportedProblem[] {
  if (problems.length <= maxProblemsPerEntry) return problems;
  const first = problems[maxProblemsPerEntry]!;
  const counted = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const leftOut: ReportedProblem = {
    code: first.code,
    severity: first.severity,
    start: first.start,
    end: first.end,
    message: `${counted(problems.length - maxProblemsPerEntry)} more problems, from here on in this entry, are not reported: an entry reports at most ${counted(maxProblemsPerEntry)}. Fix the ones above, or turn their rules off in milestones.rules.`,
  };
  return [...problems.slice(0, maxProblemsPerEntry), leftOut];
}

/**
 * How a file's problems differ from those of its previous analysis: the groups that went and came.
 * Every other group is the same array, at the same line.
 */
export interface ProblemChanges {
  readonly previous: FileProblems;
  readonly removed: readonly ProblemGroup[];
  readonly added: readonly ProblemGroup[];
}

/**
 * The problems of a file, by segment in file order; `all` gives them with offsets in the file.
 * After a change of a few segments the groups are gathered only when asked for (right after the
 * analysis, before the file changes again), and `changes` says what differs.
 */
export class FileProblems {
  private flat: ReportedProblem[] | undefined;
  private gathered: readonly ProblemGroup[] | undefined;
  private gather: (() => readonly ProblemGroup[]) | undefined;
  private changed: ProblemChanges | undefined;

  constructor(
    groups: readonly ProblemGroup[] | (() => readonly ProblemGroup[]),
    /** Whether a segment's problems may depend on the segment before it (a directive comment). */
    readonly suppressible = false,
    changes?: ProblemChanges,
  ) {
    if (typeof groups === 'function') this.gather = groups;
    else this.gathered = groups;
    this.changed = changes;
    // The chain stops at one step: the analysis before the previous is no longer wanted.
    if (changes) changes.previous.changed = undefined;
  }

  get groups(): readonly ProblemGroup[] {
    if (!this.gathered) {
      this.gathered = this.gather!();
      this.gather = undefined;
    }
    return this.gathered;
  }

  get changes(): ProblemChanges | undefined {
    return this.changed;
  }

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
