// Every milestone and feature of the workspace by ID, which milestones list each feature, and which
// items name each ID as a predecessor.
import type { PlanItem } from './planItem';

/** Where items stand, for ordering definitions: by file, then by position. */
function byPlace(a: PlanItem, b: PlanItem): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.idSpan.start - b.idSpan.start;
}

/**
 * Every milestone and feature of the workspace by ID, and which milestones list each feature. Kept
 * up to date item by item as entries are added and removed, so that a keystroke costs what it
 * changes, not the size of the plan.
 */
export class PlanIndex {
  /** The first definition (in file order) of each milestone and feature ID. */
  readonly milestones = new Map<string, PlanItem>();
  readonly features = new Map<string, PlanItem>();
  private readonly milestoneDefinitions = new Map<string, PlanItem[]>();
  private readonly featureDefinitions = new Map<string, PlanItem[]>();
  /** The milestones that list each feature ID, each once (arrays, not sets: most features have one). */
  private readonly listing = new Map<string, PlanItem[]>();
  /** The items that name each ID in their `predecessors`, each once. */
  private readonly following = new Map<string, PlanItem[]>();
  /** IDs defined more than once. */
  readonly duplicated = new Set<string>();

  add(item: PlanItem): void {
    const definitions = item.kind === 'milestone' ? this.milestoneDefinitions : this.featureDefinitions;
    const list = definitions.get(item.id);
    if (list) {
      list.push(item);
      list.sort(byPlace);
    } else {
      definitions.set(item.id, [item]);
    }
    this.refresh(item.id);
    if (item.kind === 'milestone') {
      for (const reference of item.references) {
        const milestones = this.listing.get(reference.id);
        if (!milestones) this.listing.set(reference.id, [item]);
        else if (!milestones.includes(item)) milestones.push(item);
      }
    }
    for (const id of item.predecessorIdList) {
      const items = this.following.get(id);
      if (!items) this.following.set(id, [item]);
      else if (!items.includes(item)) items.push(item);
    }
  }

  remove(item: PlanItem): void {
    const definitions = item.kind === 'milestone' ? this.milestoneDefinitions : this.featureDefinitions;
    const list = definitions.get(item.id);
    if (list) {
      const at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
      if (list.length === 0) definitions.delete(item.id);
    }
    this.refresh(item.id);
    if (item.kind === 'milestone') {
      for (const reference of item.references) {
        const milestones = this.listing.get(reference.id);
        const at = milestones ? milestones.indexOf(item) : -1;
        if (at >= 0) milestones!.splice(at, 1);
        if (milestones?.length === 0) this.listing.delete(reference.id);
      }
    }
    for (const id of item.predecessorIdList) {
      const items = this.following.get(id);
      const at = items ? items.indexOf(item) : -1;
      if (at >= 0) items!.splice(at, 1);
      if (items?.length === 0) this.following.delete(id);
    }
  }

  private refresh(id: string): void {
    const milestones = this.milestoneDefinitions.get(id);
    const features = this.featureDefinitions.get(id);
    if (milestones) this.milestones.set(id, milestones[0]!);
    else this.milestones.delete(id);
    if (features) this.features.set(id, features[0]!);
    else this.features.delete(id);
    if ((milestones?.length ?? 0) + (features?.length ?? 0) > 1) this.duplicated.add(id);
    else this.duplicated.delete(id);
  }

  /** Every definition of an ID, milestones and features, in file order. */
  definitions(id: string): PlanItem[] {
    const milestones = this.milestoneDefinitions.get(id) ?? [];
    const features = this.featureDefinitions.get(id) ?? [];
    return features.length === 0 ? milestones : milestones.length === 0 ? features : [...milestones, ...features].sort(byPlace);
  }

  /** The milestones that list a feature ID, in file order. */
  parents(id: string): PlanItem[] {
    const milestones = this.listing.get(id);
    return milestones ? [...milestones].sort(byPlace) : [];
  }

  isListed(id: string): boolean {
    return this.listing.has(id);
  }

  /** The items that name an ID among their predecessors (its direct successors), in file order. */
  successors(id: string): PlanItem[] {
    const items = this.following.get(id);
    return items ? [...items].sort(byPlace) : [];
  }

  /** The first definition of an ID, milestone or feature. */
  item(id: string): PlanItem | undefined {
    return this.milestones.get(id) ?? this.features.get(id);
  }

  /** Whether some item names the ID among its predecessors. */
  isPredecessor(id: string): boolean {
    return this.following.has(id);
  }

  /** The IDs a milestone lists, each once in the order listed, and the features among them that are defined. */
  listedFeatures(milestone: PlanItem): { ids: string[]; features: PlanItem[] } {
    const ids = [...new Set(milestone.references.map((reference) => reference.id))];
    const features: PlanItem[] = [];
    for (const id of ids) {
      const feature = this.features.get(id);
      if (feature) features.push(feature);
    }
    return { ids, features };
  }

  /** Every milestone, duplicates included. */
  allMilestones(): PlanItem[] {
    return [...this.milestoneDefinitions.values()].flat();
  }
}
