// The dependency graph of the workspace: each ID and the IDs its definitions name as predecessors,
// kept up to date ID by ID, with the cycles in it. Cycles are found again (strongly connected
// components, linear in the links) only when a link that came or went can open or close one: not
// when a date or a name changed, nor when a link to an ID that waits for nothing was typed.
import type { PlanIndex } from './planIndex';

const noIds: readonly string[] = [];

export class DependencyGraph {
  /** The predecessor IDs of each ID that names some, each once, in the order first written. */
  private readonly links = new Map<string, readonly string[]>();
  /** For each ID on a cycle, the IDs of its cycle (its strongly connected component). */
  private cycleOf = new Map<string, ReadonlySet<string>>();

  /**
   * Takes the links of the IDs whose definitions changed from the index; returns the IDs whose
   * cycle problems may have changed (those on a cycle before or after), empty when no cycle can have.
   */
  update(index: PlanIndex, touched: Iterable<string>): Set<string> {
    let cyclesMayChange = false;
    for (const id of touched) {
      const next = linksOf(index, id);
      const previous = this.links.get(id) ?? noIds;
      if (sameIds(previous, next)) continue;
      if (next.length === 0) this.links.delete(id);
      else this.links.set(id, next);
      // A link removed breaks a cycle only between two IDs of one; a link added closes one only
      // when its predecessor already waits, directly or not, for the item.
      if (cyclesMayChange) continue;
      const cycle = this.cycleOf.get(id);
      if (cycle && previous.some((predecessor) => cycle.has(predecessor) && !next.includes(predecessor))) cyclesMayChange = true;
      else if (next.some((predecessor) => !previous.includes(predecessor) && this.waitsFor(predecessor, id))) cyclesMayChange = true;
    }
    const affected = new Set<string>();
    if (!cyclesMayChange) return affected;
    for (const id of this.cycleOf.keys()) affected.add(id);
    this.cycleOf = stronglyConnected(this.links);
    for (const id of this.cycleOf.keys()) affected.add(id);
    return affected;
  }

  /** Whether an ID is on a cycle (its strongly connected component is one). */
  onCycle(id: string): boolean {
    return this.cycleOf.has(id);
  }

  /** The predecessor IDs an ID's definitions name. */
  predecessors(id: string): readonly string[] {
    return this.links.get(id) ?? noIds;
  }

  /**
   * The cycle through the link "`id` names `predecessor`", in the order things must be done:
   * `[predecessor, id, …, predecessor]`; undefined when the link is on no cycle.
   */
  cycleThrough(id: string, predecessor: string): string[] | undefined {
    if (id === predecessor) return this.predecessors(id).includes(id) ? [id, id] : undefined;
    const cycle = this.cycleOf.get(id);
    if (!cycle || !cycle.has(predecessor)) return undefined;
    // The shortest way back from the predecessor to the item along "names as predecessor", within the cycle.
    const cameFrom = new Map<string, string>([[predecessor, predecessor]]);
    const queue = [predecessor];
    for (let at = 0; at < queue.length && !cameFrom.has(id); at++) {
      const current = queue[at]!;
      for (const next of this.predecessors(current)) {
        if (!cycle.has(next) || cameFrom.has(next)) continue;
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
    if (!cameFrom.has(id)) return undefined;
    // Walking back from the item: the item, then what waits for it, … up to what the predecessor waits for.
    const between: string[] = [];
    for (let current = id; current !== predecessor; current = cameFrom.get(current)!) between.push(current);
    return [predecessor, ...between, predecessor];
  }

  /** Whether `id` waits for `other`, directly or through other links (or is it). */
  private waitsFor(id: string, other: string): boolean {
    if (id === other) return true;
    const seen = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const next of this.predecessors(stack.pop()!)) {
        if (next === other) return true;
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return false;
  }
}

function linksOf(index: PlanIndex, id: string): readonly string[] {
  const definitions = index.definitions(id);
  if (definitions.length === 0) return noIds;
  if (definitions.length === 1) {
    const list = definitions[0]!.predecessorIdList;
    return list.length === 0 ? noIds : [...new Set(list)];
  }
  const ids = new Set<string>();
  for (const definition of definitions) for (const predecessor of definition.predecessorIdList) ids.add(predecessor);
  return ids.size === 0 ? noIds : [...ids];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * The strongly connected components that are cycles (two IDs or more, or one naming itself), by
 * Tarjan's algorithm without recursion, so that a chain of 10,000 links does not overflow the stack.
 */
function stronglyConnected(links: ReadonlyMap<string, readonly string[]>): Map<string, ReadonlySet<string>> {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, ReadonlySet<string>>();
  let counter = 0;
  for (const root of links.keys()) {
    if (order.has(root)) continue;
    // Each frame: an ID and how far through its predecessors the walk has gone.
    const frames: { id: string; next: number }[] = [{ id: root, next: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const successors = links.get(frame.id) ?? noIds;
      if (frame.next < successors.length) {
        const next = successors[frame.next++]!;
        if (!order.has(next)) {
          order.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          frames.push({ id: next, next: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, order.get(next)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component = new Set<string>();
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.add(member);
      } while (member !== frame.id);
      if (component.size > 1 || successors.includes(frame.id)) for (const id of component) result.set(id, component);
    }
  }
  return result;
}
