// Rescheduling, as the server previews it and the extension shows it: moving an item's expected date
// by a number of days, alone or pushing what it would break, with the checks that would newly fail or
// clear and the float of what is affected (docs/schedule-analysis.md). Shared by the server, the
// extension and the timeline, so that a renamed field breaks the build.
import type { Severity } from './planSnapshot';

/** Move only this item, or this one and every item it would break, by the same number of days (items with enough float stay). */
export type MoveKind = 'only' | 'push';

export interface MoveParams {
  /** The item moved. */
  id: string;
  /** Days later (negative: earlier). */
  days: number;
}

/** What the extension asks to apply: the move previewed, the option chosen, and the date the preview moved from (the move is refused when it changed since). */
export interface MoveDateParams extends MoveParams {
  kind: MoveKind;
  from: string;
}

/** One date a move changes. */
export interface DateMove {
  id: string;
  /** The date moved: the expected one, the forecast where there is one, else the due date. */
  field: 'due' | 'forecast';
  from: string;
  to: string;
  /** The file that owns the date (the plan, or the overrides file that sets it), by name. */
  file: string;
}

/** A check that the move makes fail or clears, on the item it is reported on. */
export interface MoveCheck {
  id: string;
  code: string;
  severity: Severity;
  message: string;
}

/** An item the move changes, or can break: its float before and after (null: none). */
export interface MoveFloat {
  id: string;
  moved: boolean;
  before: number | null;
  after: number | null;
}

export interface MoveOption {
  kind: MoveKind;
  moves: DateMove[];
  /** The files the edit changes, by name. */
  files: string[];
  failing: MoveCheck[];
  clearing: MoveCheck[];
  /** The items moved and those right after them (successors, milestones that list them). */
  affected: MoveFloat[];
  /** Why this option cannot be applied (a date the edit cannot reach), else null. */
  blocked: string | null;
}

export type MovePreview =
  | {
      id: string;
      name: string;
      field: 'due' | 'forecast';
      from: string;
      to: string;
      days: number;
      only: MoveOption;
      push: MoveOption;
    }
  | { message: string };
