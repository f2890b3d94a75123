// The requests and notifications the extension and the language server exchange beyond LSP, as
// typed objects: each side names the same object, so parameters and results are checked by the build.
import { NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { DrivingStep, PlanSnapshot, Position } from './planSnapshot';

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

/** The code of the diagnostics the server puts on glossary files and skip lists, which the status bar counts. */
export const glossaryDiagnosticCode = 'glossary-file';
