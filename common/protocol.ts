// Messages shared by the client, the server and the timeline webview. Both sides import these
// types, so a renamed field breaks the build rather than the user.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** An ID of a milestone or feature: letters, digits, `.`, `_` and `-`, starting with a letter or digit (as in the schema). */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The state an item is drawn with in the tree and the timeline. */
export type ItemState = 'completed' | 'open' | 'overdue' | 'inconsistent';

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

export interface FeatureSnapshot {
  id: string;
  name: string;
  due: string | null; // YYYY-MM-DD, or null when missing or invalid
  completed: string | null;
  state: ItemState;
  problems: ProblemSummary[];
  location: Location;
  /** IDs of the milestones that list this feature. */
  parents: string[];
}

export interface MilestoneSnapshot {
  id: string;
  name: string;
  due: string | null;
  completed: string | null;
  level: number | null;
  state: ItemState;
  problems: ProblemSummary[];
  location: Location;
  /** Feature IDs in the order the milestone lists them (unknown IDs included). */
  features: string[];
}

export interface PlanSnapshot {
  /** The date "overdue" and "in the future" are judged against. */
  asOf: string;
  /** Milestones in (due, ID) order. */
  milestones: MilestoneSnapshot[];
  features: Record<string, FeatureSnapshot>;
  problemCounts: Record<Severity, number>;
}

/** Client → server request: the whole plan of the workspace. */
export const planSnapshotRequest = 'milestones/planSnapshot';
/** Server → client notification: the plan changed; ask again for a snapshot. */
export const planChangedNotification = 'milestones/planChanged';

/** Extension → timeline webview. */
export type ToTimeline =
  | { type: 'defaults'; defaults: TimelineDefaults }
  | { type: 'plan'; plan: PlanSnapshot }
  | { type: 'highlight'; id: string | null }
  /** Why the plan shown may be out of date (the server is not running), or null once it is current. */
  | { type: 'status'; message: string | null };

/** How a timeline opened for the first time starts (settings `milestones.timeline.*`). */
export interface TimelineDefaults {
  /** Start with every milestone folded. */
  collapseFeatures: boolean;
  /** Zoom in percent of the width that fits the whole plan. */
  zoom: number;
}

/** Timeline webview → extension. */
export type FromTimeline =
  | { type: 'ready' }
  | { type: 'reveal'; id: string }
  | { type: 'exportImage'; format: 'svg' | 'png'; data: string };

/** Client → server request: the plan exported in the form of LDM-564 §3. */
export const exportRequest = 'milestones/export';
export interface ExportParams {
  format: 'md' | 'tex';
}

/** Client → server request: the milestone or feature ID at a position, where defined or listed. */
export const idAtRequest = 'milestones/idAt';
export interface IdAtParams {
  uri: string;
  position: Position;
}
