// Float over the effective plan: for each open, dated item, the days its expected date can move later
// before it breaks a constraint after it, and the item whose date sets that limit; items within
// `milestones.criticalFloatDays` of it are critical. Computed over the whole network once, then after
// an edit only where the edit reaches. The definition, with worked examples, is in
// docs/schedule-analysis.md.
import { dateOfDay, dayNumber } from '../text/dates';
import type { EffectiveItem, EffectivePlan } from './effectivePlan';
import type { PlanItem } from './planItem';

/** Why an item has no float: completed items do not move, an item without a date or on a cycle has none to measure, and nothing dated may wait for it. */
export type NoFloatReason = 'completed' | 'undated' | 'cycle' | 'unlimited' | 'unknown';

export type ItemFloat =
  | {
      kind: 'float';
      /** Days its expected date can move later; negative when it is already past its limit. */
      days: number;
      /** The latest it may be expected (its expected date plus the float). */
      late: string;
      /** The item whose own limit sets it: an end of the network, or an item whose forecast may not slip further. */
      limitedBy: string;
      critical: boolean;
    }
  | { kind: 'none'; reason: NoFloatReason };

/**
 * An item's own limit: `end`, a milestone that nothing open and dated waits for, held at its expected
 * date; `slip`, with the `slipped` rule on, a forecast that may not pass its due date by more than
 * `milestones.slipThresholdDays`.
 */
export interface OwnLimit {
  kind: 'end' | 'slip';
  day: number;
}

export interface FloatSettings {
  /** Items with float at or under this many days are critical. */
  criticalFloatDays: number;
  /** `milestones.slipThresholdDays` while the `slipped` rule is on (else undefined): then a forecast is limited by its due date. */
  slipThresholdDays: number | undefined;
}

/**
 * The network float is computed over: the items that take part (defined, open, dated, on no cycle)
 * and the constraints between them — an item is expected no earlier than each of its predecessors,
 * a milestone no earlier than each feature it lists — as the effective plan has them.
 */
export class FloatNetwork {
  constructor(
    readonly plan: EffectivePlan,
    /** The dependency cycles (model/dependencies.ts). */
    readonly cycles: Cycles,
    readonly settings: FloatSettings,
  ) {}

  /** The item of an ID when it takes part. */
  active(id: string): EffectiveItem | undefined {
    const item = this.plan.item(id);
    return item && !item.completedWritten && item.expected && !this.cycles.onCycle(id) ? item : undefined;
  }

  /** Why an ID has no float when it does not take part; undefined when it does. */
  reasonLeftOut(id: string): NoFloatReason | undefined {
    const item = this.plan.item(id);
    if (!item) return 'unknown';
    if (item.completedWritten) return 'completed';
    if (this.cycles.onCycle(id)) return 'cycle';
    if (!item.expected) return 'undated';
    return undefined;
  }

  /** The items that must not be expected before `id`, each once: those that name it as a predecessor, and the milestones that list it as a feature. */
  successors(id: string): string[] {
    const found: string[] = [];
    const index = this.plan.index;
    // Only an ID's effective definition links it (a duplicate's links are not the item's): the same entries `predecessors` reads.
    const links = (entry: PlanItem) => !found.includes(entry.id) && this.active(entry.id)?.definition === entry;
    for (const successor of index.successors(id)) if (links(successor)) found.push(successor.id);
    if (index.features.has(id)) for (const parent of index.parents(id)) if (links(parent)) found.push(parent.id);
    return found;
  }

  /** The items that `id` must not be expected before, each once: its predecessors and, for a milestone, the features it lists. */
  predecessors(id: string): string[] {
    const item = this.plan.item(id);
    if (!item) return [];
    const found: string[] = [];
    for (const predecessor of constraintPredecessorIds(item.definition, this.plan)) if (!found.includes(predecessor) && this.active(predecessor)) found.push(predecessor);
    return found;
  }

  /** An item's own limit, if it has one. */
  ownLimit(id: string): OwnLimit | undefined {
    const item = this.active(id);
    if (!item) return undefined;
    let limit: OwnLimit | undefined;
    if (item.kind === 'milestone' && this.successors(id).length === 0) limit = { kind: 'end', day: dayNumber(item.expected!.date) };
    const threshold = this.settings.slipThresholdDays;
    if (threshold !== undefined && item.expected!.field === 'forecast' && item.due !== undefined) {
      const day = dayNumber(item.due) + threshold;
      if (!limit || day < limit.day) limit = { kind: 'slip', day };
    }
    return limit;
  }
}

/** What float asks of the dependency graph. */
export interface Cycles {
  onCycle(id: string): boolean;
  /** The cycle through the link "`id` names `predecessor`", in the order of doing. */
  cycleThrough(id: string, predecessor: string): string[] | undefined;
}

/** The IDs an entry's constraints come from: its predecessors and, for a milestone, the features (defined as such) it lists. */
export function constraintPredecessorIds(item: PlanItem, plan: EffectivePlan): string[] {
  const ids = [...item.predecessorIdList];
  if (item.kind === 'milestone') for (const reference of item.references) if (plan.index.features.has(reference.id)) ids.push(reference.id);
  return ids;
}

/** A late date as it is carried back: the day, the item whose own limit it is, and how many constraints it crossed. */
interface Limit {
  day: number;
  by: string;
  /** Constraints between the item and the one that limits it (0: its own limit): a limit carried round a cycle of constraints comes back worse, never as good. */
  hops: number;
}

/**
 * Every item's latest date (its late date) and the item whose limit sets it: the least, over the items
 * it must not be expected after (directly or through others), of their own limits. Kept by ID; after
 * an edit, only the items whose limit the edit can change are computed again.
 */
export class FloatAnalysis {
  private readonly late = new Map<string, Limit>();
  /** The items each item's limit sets the late date of. */
  private readonly limited = new Map<string, Set<string>>();
  private network: FloatNetwork | undefined;

  get settings(): FloatSettings {
    return this.network?.settings ?? { criticalFloatDays: 0, slipThresholdDays: undefined };
  }

  /** Items outside which nothing is computed (a move's preview computes what lies after the items it moves); undefined: every item. */
  private scope: ReadonlySet<string> | undefined;

  /** Every item's late date anew. */
  recompute(network: FloatNetwork): void {
    this.network = network;
    this.scope = undefined;
    this.late.clear();
    this.limited.clear();
    this.seed(network, [network.plan.index.milestones.keys(), network.plan.index.features.keys()]);
  }

  /**
   * The late dates of `ids` alone, which must hold every successor of each (what lies after some
   * items: their late dates depend on nothing else), for the preview of a move.
   */
  static within(network: FloatNetwork, ids: ReadonlySet<string>): FloatAnalysis {
    const analysis = new FloatAnalysis();
    analysis.network = network;
    analysis.scope = ids;
    analysis.seed(network, [ids]);
    return analysis;
  }

  private seed(network: FloatNetwork, groups: Iterable<string>[]): void {
    const heap = new LimitHeap();
    for (const ids of groups) {
      for (const id of ids) {
        const own = network.ownLimit(id);
        if (own) heap.push({ day: own.day, by: id, hops: 0 }, id);
      }
    }
    this.settle(heap, undefined);
  }

  /**
   * Brings the late dates up to date after the items `touched` changed (their dates, status, links
   * or cycles): each is computed again from its own limit and its successors'; a limit that came
   * earlier is carried back to the items before it, one that went later (or away) first clears the
   * items it held, which are then computed again.
   */
  update(network: FloatNetwork, touched: Iterable<string>): void {
    this.network = network;
    this.scope = undefined;
    // What comes before a changed item may have become an end, or stopped being one.
    const changed = new Set<string>();
    for (const id of touched) {
      changed.add(id);
      // What every definition names, not only the effective one's: a definition that a duplicate now
      // shadows (or no longer does) held the limits of what it names.
      for (const definition of network.plan.index.definitions(id)) {
        for (const predecessor of constraintPredecessorIds(definition, network.plan)) if (network.active(predecessor)) changed.add(predecessor);
      }
    }
    const later: { id: string; limit: Limit }[] = [];
    const earlier: string[] = [];
    for (const id of changed) {
      const next = this.limitFrom(id);
      const current = this.late.get(id);
      if (current && next && same(next, current)) continue;
      if (!current || (next && before(next, current))) {
        if (!next) continue;
        this.set(id, next);
        earlier.push(id);
      } else {
        later.push({ id, limit: current });
      }
    }
    // The items a limit that went later held: those before it whose late date it gave them, one constraint further.
    const region = new Set<string>();
    for (const { id, limit } of later) {
      region.add(id);
      const stack: [string, Limit][] = [[id, limit]];
      while (stack.length > 0) {
        const [at, held] = stack.pop()!;
        for (const predecessor of network.predecessors(at)) {
          const theirs = this.late.get(predecessor);
          if (region.has(predecessor) || !theirs || theirs.day !== held.day || theirs.by !== held.by || theirs.hops !== held.hops + 1) continue;
          region.add(predecessor);
          stack.push([predecessor, theirs]);
        }
      }
    }
    for (const id of region) this.clear(id);
    const heap = new LimitHeap();
    for (const id of region) {
      const next = this.limitFrom(id);
      if (next) heap.push(next, id);
    }
    for (const id of earlier) if (!region.has(id)) heap.push(this.late.get(id)!, id);
    this.settle(heap, region);
  }

  /** An item's float, or why it has none. */
  of(id: string): ItemFloat {
    const network = this.network;
    if (!network) return { kind: 'none', reason: 'unknown' };
    const reason = network.reasonLeftOut(id);
    if (reason) return { kind: 'none', reason };
    const limit = this.late.get(id);
    if (!limit) return { kind: 'none', reason: 'unlimited' };
    const days = limit.day - dayNumber(network.plan.item(id)!.expected!.date);
    return { kind: 'float', days, late: dateOfDay(limit.day), limitedBy: limit.by, critical: days <= network.settings.criticalFloatDays };
  }

  /**
   * An item's float in words: a headline (`45 days · critical`, `none`, `unlimited`) and what sets
   * it (`limited by M-1, due 2022-08-24, through M-0`) or why there is none.
   */
  describe(id: string): { headline: string; detail: string } {
    const float = this.of(id);
    const network = this.network;
    if (float.kind === 'none' || !network) {
      const reason = float.kind === 'none' ? float.reason : 'unknown';
      if (reason === 'unlimited') return { headline: 'unlimited', detail: 'nothing dated waits for it' };
      if (reason === 'cycle') {
        const item = network?.plan.item(id);
        const cycle = item?.predecessors.map((predecessor) => network!.cycles.cycleThrough(id, predecessor)).find((found) => found !== undefined);
        return { headline: 'none', detail: `it is on a dependency cycle${cycle ? `: ${cycle.join(' → ')}` : ''}` };
      }
      return { headline: 'none', detail: { completed: 'it is completed', undated: 'it has no date', unknown: 'no plan defines it' }[reason] };
    }
    const headline = `${daysText(float.days)}${float.critical ? ' · critical' : ''}`;
    const own = network.ownLimit(float.limitedBy);
    const limiter = network.plan.item(float.limitedBy)!;
    const slip = own?.kind === 'slip' ? ` (due ${limiter.dateText('due')} + ${network.settings.slipThresholdDays ?? 0} days, the slipped rule)` : '';
    if (float.limitedBy === id) {
      return { headline, detail: own?.kind === 'slip' ? `its forecast may not pass ${float.late}${slip}` : 'it ends its chain: nothing open and dated waits for it' };
    }
    const by = own?.kind === 'slip' ? `${limiter.id}, whose forecast may not pass ${float.late}${slip}` : `${limiter.id}, ${limiter.expectedText()}`;
    const via = this.via(id);
    return { headline, detail: `limited by ${by}${via !== undefined && via !== float.limitedBy ? `, through ${via}` : ''}` };
  }

  /** An item's own limit (when it is what limits items: `limitedBy`). */
  ownLimit(id: string): OwnLimit | undefined {
    return this.network?.ownLimit(id);
  }

  /** The successor an item's limit comes through (the first, where several give it), or undefined when it is its own. */
  via(id: string): string | undefined {
    const network = this.network;
    const limit = this.late.get(id);
    if (!network || !limit || limit.hops === 0) return undefined;
    return network.successors(id).find((successor) => {
      const theirs = this.late.get(successor);
      return theirs !== undefined && theirs.day === limit.day && theirs.by === limit.by && theirs.hops === limit.hops - 1;
    });
  }

  /** The way from an item to what limits it: the item, the successors its limit comes through, and the limiting item. */
  limitPath(id: string): string[] {
    const path = [id];
    for (let next = this.via(id); next !== undefined; next = this.via(next)) path.push(next);
    return path;
  }

  /** The critical items whose limit an item sets (itself included when critical), in expected-date order. */
  criticalChain(limitedBy: string): EffectiveItem[] {
    const network = this.network;
    if (!network) return [];
    const items: EffectiveItem[] = [];
    for (const id of this.limited.get(limitedBy) ?? []) {
      const float = this.of(id);
      if (float.kind === 'float' && float.critical) items.push(network.plan.item(id)!);
    }
    return items.sort((a, b) => (a.expected!.date < b.expected!.date ? -1 : a.expected!.date > b.expected!.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The items that limit others and have critical items, each with its chain: the critical path of each end. */
  criticalChains(): { limitedBy: string; chain: EffectiveItem[] }[] {
    const chains: { limitedBy: string; chain: EffectiveItem[] }[] = [];
    for (const limitedBy of this.limited.keys()) {
      const chain = this.criticalChain(limitedBy);
      if (chain.length > 0) chains.push({ limitedBy, chain });
    }
    return chains.sort((a, b) => (a.limitedBy < b.limitedBy ? -1 : a.limitedBy > b.limitedBy ? 1 : 0));
  }

  /** The plan's last milestone: the open, dated one (on no cycle) expected last; undefined when there is none. */
  lastMilestone(): EffectiveItem | undefined {
    let last: EffectiveItem | undefined;
    const network = this.network;
    if (!network) return undefined;
    for (const id of network.plan.index.milestones.keys()) {
      const item = network.active(id);
      if (item && (!last || item.expected!.date > last.expected!.date || (item.expected!.date === last.expected!.date && item.id > last.id))) last = item;
    }
    return last;
  }

  /** An item's own limit if it has one, else the least of its successors' late dates, one constraint further. */
  private limitFrom(id: string): Limit | undefined {
    const network = this.network!;
    if (!network.active(id)) return undefined;
    const own = network.ownLimit(id);
    let best: Limit | undefined = own && { day: own.day, by: id, hops: 0 };
    for (const successor of network.successors(id)) {
      const theirs = this.late.get(successor);
      if (!theirs) continue;
      const carried = { day: theirs.day, by: theirs.by, hops: theirs.hops + 1 };
      if (!best || before(carried, best)) best = carried;
    }
    return best;
  }

  /**
   * Settles late dates from the heap, least first (Dijkstra's order: the first limit to reach an item
   * is its least), carrying each back to the items before it. Items of `region` (everything, when
   * undefined) have none yet; any other is lowered only by a lesser limit.
   */
  private settle(heap: LimitHeap, region: ReadonlySet<string> | undefined): void {
    const network = this.network!;
    const done = new Set<string>();
    while (heap.size > 0) {
      const { limit, id } = heap.pop();
      if (done.has(id)) continue;
      if (region && !region.has(id)) {
        const current = this.late.get(id);
        if (current && before(current, limit)) continue;
      }
      done.add(id);
      this.set(id, limit);
      const carried = { day: limit.day, by: limit.by, hops: limit.hops + 1 };
      for (const predecessor of network.predecessors(id)) {
        if (done.has(predecessor) || (this.scope && !this.scope.has(predecessor))) continue;
        if (!region || region.has(predecessor)) {
          heap.push(carried, predecessor);
        } else {
          const current = this.late.get(predecessor);
          if (!current || before(carried, current)) heap.push(carried, predecessor);
        }
      }
    }
  }

  private set(id: string, limit: Limit): void {
    const previous = this.late.get(id)?.by;
    if (previous !== limit.by) {
      if (previous !== undefined) this.limited.get(previous)?.delete(id);
      let members = this.limited.get(limit.by);
      if (!members) this.limited.set(limit.by, (members = new Set()));
      members.add(id);
    }
    this.late.set(id, limit);
  }

  private clear(id: string): void {
    const previous = this.late.get(id)?.by;
    if (previous !== undefined) {
      const members = this.limited.get(previous);
      members?.delete(id);
      if (members?.size === 0) this.limited.delete(previous);
    }
    this.late.delete(id);
  }
}

/** A signed count of days: `45 days`, `1 day`, `−8 days`. */
export function daysText(days: number): string {
  return `${days < 0 ? '−' : ''}${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'}`;
}

/** Float in a few characters, for a hint or a graph's label: `float 45 d`, `float −8 d · critical`, `float unlimited`, `no float`. */
export function floatLabel(float: ItemFloat): string {
  if (float.kind === 'none') return float.reason === 'unlimited' ? 'float unlimited' : 'no float';
  return `float ${float.days < 0 ? '−' : ''}${Math.abs(float.days)} d${float.critical ? ' · critical' : ''}`;
}

/** Limits are ordered by day, then by the limiting item's ID (the same answer whatever order they are found in), then by the constraints crossed. */
function before(a: Limit, b: Limit): boolean {
  return a.day < b.day || (a.day === b.day && (a.by < b.by || (a.by === b.by && a.hops < b.hops)));
}

function same(a: Limit, b: Limit): boolean {
  return a.day === b.day && a.by === b.by && a.hops === b.hops;
}

/** A binary heap of limits to carry back, least first. */
class LimitHeap {
  private readonly entries: { limit: Limit; id: string }[] = [];

  get size(): number {
    return this.entries.length;
  }

  push(limit: Limit, id: string): void {
    const entries = this.entries;
    const entry = { limit, id };
    let at = entries.length;
    entries.push(entry);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = entries[parent]!;
      if (!before(limit, above.limit)) break;
      entries[at] = above;
      at = parent;
    }
    entries[at] = entry;
  }

  pop(): { limit: Limit; id: string } {
    const entries = this.entries;
    const top = entries[0]!;
    const last = entries.pop()!;
    if (entries.length > 0) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= entries.length) break;
        const right = left + 1;
        const child = right < entries.length && before(entries[right]!.limit, entries[left]!.limit) ? right : left;
        if (!before(entries[child]!.limit, last.limit)) break;
        entries[at] = entries[child]!;
        at = child;
      }
      entries[at] = last;
    }
    return top;
  }
}
