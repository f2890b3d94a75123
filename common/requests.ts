// The requests and notifications the extension and the language server exchange beyond LSP, as
// typed objects: each side names the same object, so parameters and results are checked by the build.
import { NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { CriticalPath, DrivingStep, PlanSnapshot, Position } from './planSnapshot';
import type { MoveDateParams, MoveParams, MovePreview } from './reschedule';
import type { TrendEvery, TrendHistory } from './trendSeries';

/** Client → server: the whole plan of the workspace. */
export const planSnapshotRequest = new RequestType0<PlanSnapshot, void>('milestones/planSnapshot');

/** Server → client: the plan changed; ask again for a snapshot. */
export const planChangedNotification = new NotificationType0('milestones/planChanged');

export interface ExportParams {
  format: 'md' | 'tex';
}

/** Client → server: the plan exported in the form of LDM-564 §3. */
export const exportRequest = new RequestType<ExportParams, string, void>('milestones/export');

export interface IdAtParams {
  uri: string;
  position: Position;
}

/** Client → server: the milestone or feature ID at a position, where defined or listed. */
export const idAtRequest = new RequestType<IdAtParams, string | null, void>('milestones/idAt');

/** Client → server: the driving path that ends at the item at a position, earliest first (empty when there is no item there). */
export const drivingPathRequest = new RequestType<IdAtParams, DrivingStep[], void>('milestones/drivingPath');

/** Client → server: what moving an item's expected date by some days would do, alone and pushing what it would break. */
export const movePreviewRequest = new RequestType<MoveParams, MovePreview, void>('milestones/movePreview');

/** Client → server: the workspace edit of the move chosen in a preview, made against the plan as it is now; or why it cannot be made. */
export const moveDateRequest = new RequestType<MoveDateParams, { edit: WorkspaceEdit } | { message: string }, void>('milestones/moveDate');

/** The client command a "Move by N days…" code action runs (`{ id }` as its argument); offered to clients that say they have it (`experimental.moveDateCommand`). */
export const moveDateCommand = 'milestones.moveDate';

/** Client → server: the critical chain the item at a position belongs to (without one, the plan's last milestone's), earliest first. */
export const criticalPathRequest = new RequestType<IdAtParams, CriticalPath, void>('milestones/criticalPath');

export interface TrendParams {
  every: TrendEvery;
}

/** The trend's history, or why there is none (no git, not a repository, no commits). */
export interface TrendAnswer {
  history: TrendHistory | null;
  reason: string | null;
  /** What it was read from (HEAD, the steps, the folders and overrides files): the same version is the same history. */
  version: string | null;
}

/** Client → server: the milestone trend of the first workspace folder's repository, read from git. */
export const trendRequest = new RequestType<TrendParams, TrendAnswer, void>('milestones/trend');

/** The code of the diagnostics the server puts on glossary files and skip lists, which the status bar counts. */
export const glossaryDiagnosticCode = 'glossary-file';
export interface FolderParams {
  /** A workspace folder (or a file) URI. */
  uri: string;
  /** Globs relative to the folder: the files they name instead of the plans (the overrides files of the settings). */
  globs?: string[];
}

/**
 * Server → client, for a server that cannot read the files itself (the one in a browser worker):
 * the plan files under a folder, or the file itself when it is a plan (or the files `globs` name),
 * as URIs, sorted.
 */
export const findPlanFilesRequest = new RequestType<FolderParams, string[], void>('milestones/findPlanFiles');

/** Server → client, likewise: a file's text (UTF-8); an error when it cannot be read. */
export const readFileRequest = new RequestType<FolderParams, string, void>('milestones/readFile');

export interface ImportScheduleParams {
  /** The schedule file: a P6 XER or spreadsheet export, an MS Project XML file or a CSV (a file: URI). */
  schedule: string;
  /** The plan to update (its URI), or none for a new plan. */
  into?: string;
  options?: { project?: string; milestonesOnly?: boolean; features?: boolean; prune?: boolean; encoding?: string };
}

export interface ImportScheduleResult {
  /** Why nothing can be imported, naming the file and line or row. */
  error?: string;
  /** A new plan's text. */
  text?: string;
  /** An update: the edits of the plan as the server has its text (offsets), each a minimal change. */
  edits?: { start: number; end: number; text: string }[];
  /** What the import found or changed, one line for a message. */
  summary: string;
  /** IDs made valid, items gone from the schedule: one line each. */
  notes: string[];
}

/** Client → server: a schedule read as a new plan, or as the update of a plan (the server reads the file). */
export const importScheduleRequest = new RequestType<ImportScheduleParams, ImportScheduleResult, void>('milestones/importSchedule');
