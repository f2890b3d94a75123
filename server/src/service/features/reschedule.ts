// Rescheduling: moving an item's expected date by a number of days — alone, or with every item it
// would break pushed by the same amount (items with enough float stay) — previewed before it is made:
// the dates that move, the checks that would newly fail or clear, the float of what is affected; and
// the one workspace edit that makes it, of minimal edits to the text that owns each date (the plan
// or the overrides file that sets it, per the effective plan). See docs/schedule-analysis.md.
import type { DateMove, MoveCheck, MoveDateParams, MoveFloat, MoveKind, MoveOption, MovePreview } from '../../../../common/reschedule';
import type { ReportedProblem } from '../checks/problems';
import { setEffectiveDate } from '../edits/planEdits';
import type { EffectiveItem, EffectivePlan } from '../model/effectivePlan';
import { FloatAnalysis, type FloatNetwork } from '../model/float';
import type { ItemDates } from '../model/itemState';
import type { PlanItem } from '../model/planItem';
import { addDays, dayNumber } from '../text/dates';
import type { WorkspaceEdit } from '../text/edits';
import type { Workspace } from '../workspace';

export type { MovePreview };

/** The items a move changes: the one moved and, when pushing, every item it would break, by the same amount. */
function movedItems(plan: EffectivePlan, network: FloatNetwork, item: EffectiveItem, days: number, kind: MoveKind): EffectiveItem[] {
  const moved = new Map([[item.id, item]]);
  if (kind === 'push' && days !== 0) {
    // Later, the items that may not come before a moved one; earlier, those that may not come after it.
    const queue = [item];
    for (let at = 0; at < queue.length; at++) {
      const current = queue[at]!;
      const day = dayNumber(current.expected!.date) + days;
      for (const id of days > 0 ? network.successors(current.id) : network.predecessors(current.id)) {
        if (moved.has(id)) continue;
        const other = plan.item(id)!;
        const otherDay = dayNumber(other.expected!.date);
        if (days > 0 ? otherDay >= day : otherDay <= day) continue;
        moved.set(id, other);
        queue.push(other);
      }
    }
  }
  return [...moved.values()];
}

/** The edits that move each item's expected date by `days`, in one workspace edit; or why one cannot be made. */
function moveEdits(workspace: Workspace, items: readonly EffectiveItem[], days: number): { edits: WorkspaceEdit; moves: DateMove[] } | { blocked: string } {
  const edits: WorkspaceEdit = new Map();
  const moves: DateMove[] = [];
  for (const item of items) {
    const { field, date } = item.expected!;
    const to = addDays(date, days);
    const change = setEffectiveDate(item, field, to, (uri) => workspace.document(uri));
    if (!change) return { blocked: `${item.id}'s ${field} cannot be edited where it is written (${item.origin(field).fileName}): change it by hand.` };
    for (const [uri, list] of change.edits) edits.set(uri, [...(edits.get(uri) ?? []), ...list]);
    moves.push({ id: item.id, field, from: date, to, file: item.origin(field).fileName });
  }
  return { edits, moves };
}

/** A problem's identity across the move: its rule, the item it is reported on and what it is about (its message quotes dates, which move). */
function problemKey(holder: string, problem: ReportedProblem): string {
  return `${problem.code}\u0000${holder}\u0000${JSON.stringify(problem.data ?? null)}`;
}

/** The checks of the items a move can change the problems of, before and after it: those that fail after only, and before only. */
function checkChanges(workspace: Workspace, plan: EffectivePlan, after: EffectivePlan, items: readonly EffectiveItem[]): { failing: MoveCheck[]; clearing: MoveCheck[] } {
  const index = plan.index;
  // The moved items' own checks, and those of the items that compare their dates with them.
  const holders = new Set<PlanItem>();
  for (const item of items) {
    for (const definition of index.definitions(item.id)) holders.add(definition);
    for (const successor of index.successors(item.id)) holders.add(successor);
    for (const parent of index.parents(item.id)) holders.add(parent);
  }
  const keyed = (found: Map<PlanItem, ReportedProblem[]>) => {
    const byKey = new Map<string, MoveCheck>();
    for (const [holder, problems] of found) for (const problem of problems) byKey.set(problemKey(holder.id, problem), { id: holder.id, code: problem.code, severity: problem.severity, message: problem.message });
    return byKey;
  };
  const before = keyed(workspace.checkAsIf(plan, holders));
  const afterwards = keyed(workspace.checkAsIf(after, holders));
  return {
    failing: [...afterwards].filter(([key]) => !before.has(key)).map(([, check]) => check),
    clearing: [...before].filter(([key]) => !afterwards.has(key)).map(([, check]) => check),
  };
}

/** One option of a move, previewed. */
function previewOption(workspace: Workspace, item: EffectiveItem, days: number, kind: MoveKind): MoveOption {
  const { plan, float } = workspace.analyze();
  const network = workspace.floatNetwork(plan);
  const items = movedItems(plan, network, item, days, kind);
  const made = moveEdits(workspace, items, days);
  if ('blocked' in made) return { kind, moves: [], files: [], failing: [], clearing: [], affected: [], blocked: made.blocked };
  const dates = new Map<string, ItemDates>();
  for (const moved of items) dates.set(moved.id, { due: moved.due, forecast: moved.forecast, completed: moved.completed, completedWritten: moved.completedWritten, [moved.expected!.field]: addDays(moved.expected!.date, days) });
  const after = plan.withDates(dates);
  const afterNetwork = workspace.floatNetwork(after);
  // Float after the move, over what lies after the moved items (what else has it is unchanged).
  const downstream = new Set(items.map((moved) => moved.id));
  const queue = [...downstream];
  for (let at = 0; at < queue.length; at++) {
    for (const id of afterNetwork.successors(queue[at]!)) {
      if (downstream.has(id)) continue;
      downstream.add(id);
      queue.push(id);
    }
  }
  const afterFloat = FloatAnalysis.within(afterNetwork, downstream);
  const floatDays = (answer: ReturnType<FloatAnalysis['of']>) => (answer.kind === 'float' ? answer.days : null);
  const affected: MoveFloat[] = [];
  const listed = new Set<string>();
  const list = (id: string, moved: boolean) => {
    if (listed.has(id)) return;
    listed.add(id);
    affected.push({ id, moved, before: floatDays(float.of(id)), after: downstream.has(id) ? floatDays(afterFloat.of(id)) : floatDays(float.of(id)) });
  };
  for (const moved of items) list(moved.id, true);
  for (const moved of items) for (const id of network.successors(moved.id)) list(id, false);
  return {
    kind,
    moves: made.moves,
    files: [...new Set(made.moves.map((move) => move.file))],
    ...checkChanges(workspace, plan, after, items),
    affected,
    blocked: null,
  };
}

/** What moving `id`'s expected date by `days` would do, alone and pushing what it would break; or why it cannot move. */
export function previewMove(workspace: Workspace, id: string, days: number): MovePreview {
  const { plan } = workspace.analyze();
  const item = plan.item(id);
  if (!item) return { message: `No plan defines ${id}.` };
  if (!item.expected) return { message: `${id} has no date to move: give it a due date first.` };
  if (!Number.isInteger(days)) return { message: `A move is a whole number of days, not ${days}.` };
  const { field, date } = item.expected;
  return {
    id,
    name: item.name ?? '',
    field,
    from: date,
    to: addDays(date, days),
    days,
    only: previewOption(workspace, item, days, 'only'),
    push: previewOption(workspace, item, days, 'push'),
  };
}

/** The workspace edit of a move the user chose, made against the plan as it is now; refused when the item's date is no longer the one previewed. */
export function moveDate(workspace: Workspace, params: MoveDateParams): { edits: WorkspaceEdit; moves: DateMove[] } | { message: string } {
  const { plan } = workspace.analyze();
  const item = plan.item(params.id);
  if (!item?.expected) return { message: `${params.id} has no date to move any more.` };
  if (item.expected.date !== params.from) return { message: `${params.id}'s ${item.expected.field} is ${item.expected.date} now, not ${params.from}: move it again.` };
  const made = moveEdits(workspace, movedItems(plan, workspace.floatNetwork(plan), item, params.days, params.kind), params.days);
  return 'blocked' in made ? { message: made.blocked } : made;
}

/** The item a "Move by N days…" action at the cursor would move: the one there (`id`), when it has a date. */
export function movableAt(workspace: Workspace, id: string | undefined): string | undefined {
  return id !== undefined && workspace.analyze().plan.item(id)?.expected ? id : undefined;
}
