// The plan as the server describes it to the client, the tree view and the timeline webview. All
// three import these types, so a renamed field breaks the build rather than the user.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** An ID of a milestone or feature: letters, digits, `.`, `_` and `-`, starting with a letter or digit (as in the schema). */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** How an item stands by its dates alone: completed (a completion date is written), overdue (due before asOf), or open. */
export type Progress = 'completed' | 'open' | 'overdue';

/**
 * The state an item is drawn with in the tree and the timeline: its progress; `inconsistent` when
 * a date check between a feature and a milestone that lists it failed; `unknown` for a listed ID
 * that no plan defines.
 */
export type ItemState = Progress | 'inconsistent' | 'unknown';

export interface Position {
  line: number; // 0-based
  character: number; // 0-based, UTF-16
}

export interface Location {
  uri: string;
  range: { start: Position; end: Position };
}

export interface ProblemSummary {
  code: string;
  severity: Severity;
  message: string;
  /** For a problem between a milestone and a feature: the other one's ID. */
  related?: string;
}

/** A predecessor an item names that the plan defines: the arrow from it to the item on the timeline. */
export interface PredecessorLink {
  id: string;
  /** The worst severity of the checks on this link that failed (due after, open, cycle), or null. */
  worst: Severity | null;
}

/** What the timeline draws of an item's predecessors. */
export interface Links {
  /** Its known predecessors, each once, in the order written. */
  predecessors: PredecessorLink[];
  /** The predecessor due last, which sets its earliest date (the next step of its driving path), or null. */
  driving: string | null;
}

/** An item's float (docs/schedule-analysis.md): the days its expected date can move later before it breaks a constraint after it. */
export interface FloatSummary {
  /** Days (negative: already past its limit); null when it has none (completed, no date, on a cycle) or nothing dated waits for it. */
  days: number | null;
  /** The latest date it may be expected: its expected date plus the float. */
  late: string | null;
  /** The item whose own limit sets it (an end of its chain), itself included. */
  limitedBy: string | null;
  /** The successor its limit comes through: the next step of its critical chain. */
  via: string | null;
  /** Float at most `milestones.criticalFloatDays`. */
  critical: boolean;
  /** In words, for a tooltip: `45 days — limited by M-1, due 2022-08-24`, `none — it is completed`. */
  text: string;
}

/** A feature as one milestone lists it: the row beneath the milestone in the tree and the timeline. */
export interface FeatureRow {
  id: string;
  /** `inconsistent` when a date check between this milestone and the feature failed, `unknown` when no plan defines it, else the feature's progress. */
  state: ItemState;
  /** The feature's own problems and those between it and this milestone. */
  problems: ProblemSummary[];
}

export interface FeatureSnapshot {
  id: string;
  name: string;
  due: string | null; // YYYY-MM-DD, or null when missing or invalid
  completed: string | null; // null when not completed, or when the date written is invalid (progress says which)
  forecast?: string | null; // the date now expected, when one is written and valid
  progress: Progress;
  /** `inconsistent` when a date check with any milestone that lists it failed, else its progress. */
  state: ItemState;
  /** Its own problems and those of every pair with a milestone that lists it. */
  problems: ProblemSummary[];
  location: Location;
  /** IDs of the milestones that list this feature. */
  parents: string[];
  links: Links;
  float?: FloatSummary;
}

export interface MilestoneSnapshot {
  id: string;
  name: string;
  due: string | null;
  completed: string | null;
  forecast?: string | null;
  level: number | null;
  progress: Progress;
  state: ItemState;
  problems: ProblemSummary[];
  location: Location;
  /** The features it lists, each once, in the order listed (unknown IDs included). */
  features: FeatureRow[];
  links: Links;
  float?: FloatSummary;
}

export interface PlanSnapshot {
  /** The date "overdue" and "in the future" are judged against. */
  asOf: string;
  /** Milestones in (due, ID) order. */
  milestones: MilestoneSnapshot[];
  features: Record<string, FeatureSnapshot>;
  problemCounts: Record<Severity, number>;
  /** The due dates of the plan at `milestones.baselineRevision`, by ID, when it is set and git can read it. */
  baseline?: Baseline;
}

export interface Baseline {
  /** The revision as the setting names it (`v1.0`, `HEAD~10`) and the commit's short hash. */
  revision: string;
  commit: string;
  due: Record<string, string>;
}

/** A step of a driving path, for the *Show Driving Path* command: an item with its dates and where it is defined. */
export interface DrivingStep {
  id: string;
  name: string;
  due: string | null;
  completed: string | null;
  location: Location;
}

/** A step of a critical chain, for the *Show Critical Path* command: an item with its expected date, float and late date. */
export interface CriticalStep {
  id: string;
  name: string;
  /** Its expected date: the forecast where it has one, else the due date. */
  expected: string;
  float: number;
  late: string;
  location: Location;
}

/** The critical chain that the item at the cursor belongs to (or the plan's last milestone's), as *Show Critical Path* lists it. */
export interface CriticalPath {
  /** The item whose own limit the chain keeps (its end); null when there is no chain to show. */
  end: string | null;
  /** The item at the cursor, with its float in words; null when the cursor is on none (the chain is then the plan's last milestone's). */
  from: { id: string; float: string } | null;
  /** Earliest first. */
  steps: CriticalStep[];
}
