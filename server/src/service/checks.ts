// The checks that look across items and files: IDs, references, the dates of features against
// their milestones, overdue and future dates. Each places its problem on the ID or date concerned.
import type { PlanItem } from './plan';
import type { Problem } from './problems';
import { closestMatch } from './suggest';

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

  /** Every milestone, duplicates included. */
  allMilestones(): PlanItem[] {
    return [...this.milestoneDefinitions.values()].flat();
  }
}

export interface CheckContext {
  index: PlanIndex;
  /** The date "overdue" and "in the future" are judged against, for items of the given file. */
  asOf(uri: string): string;
  /** Where an item is defined, for messages: `file.milestones.yaml:12`. */
  where(item: PlanItem): string;
  /** The feature IDs of the workspace, for "did you mean"; computed once per analysis. */
  featureIds(): string[];
}

/** The problems of one item that look beyond its own entry. Each lies within the item's entry. */
export function checkItem(item: PlanItem, context: CheckContext): Problem[] {
  const problems: Problem[] = [];
  if (context.index.duplicated.has(item.id)) problems.push(duplicateId(item, context));
  if (item.kind === 'milestone') checkMilestoneFeatures(item, context, problems);
  checkItemDates(item, context, problems);
  if (item.kind === 'feature' && !context.index.isListed(item.id)) {
    problems.push({ code: 'unused-feature', message: `No milestone lists ${item.id}.`, ...item.idSpan, data: { kind: 'item', id: item.id } });
  }
  return problems;
}

function duplicateId(item: PlanItem, context: CheckContext): Problem {
  const others = context.index
    .definitions(item.id)
    .filter((other) => other !== item)
    .map((other) => `${other.kind} at ${context.where(other)}`);
  return {
    code: 'duplicate-id',
    message: `${item.id} is defined more than once: also as ${others.join(', ')}.`,
    ...item.idSpan,
    data: { kind: 'item', id: item.id },
  };
}

function checkMilestoneFeatures(milestone: PlanItem, context: CheckContext, problems: Problem[]): void {
  const { index } = context;
  const references = milestone.references;
  for (let position = 0; position < references.length; position++) {
    const reference = references[position]!;
    if (isRepeat(references, position)) {
      problems.push({
        code: 'duplicate-feature',
        message: `${reference.id} is listed more than once in ${milestone.id}.`,
        ...milestone.absolute(reference.span),
        data: { kind: 'pair', milestone: milestone.id, feature: reference.id },
      });
      continue;
    }
    const feature = index.features.get(reference.id);
    if (!feature) {
      const isMilestone = index.milestones.has(reference.id);
      const suggestion = isMilestone ? undefined : closestMatch(reference.id, context.featureIds());
      problems.push({
        code: 'unknown-feature',
        message: isMilestone
          ? `${reference.id} is a milestone, not a feature: a milestone lists features.`
          : `${milestone.id} lists ${reference.id}, which no plan defines${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        ...milestone.absolute(reference.span),
        data: { kind: 'unknown-feature', milestone: milestone.id, feature: reference.id, suggestion },
      });
      continue;
    }
    checkPair(milestone, feature, reference.span, problems);
  }
}

/** Whether the reference at `position` repeats an earlier one (lists are short: no set needed). */
function isRepeat(references: readonly { id: string }[], position: number): boolean {
  const id = references[position]!.id;
  for (let earlier = 0; earlier < position; earlier++) if (references[earlier]!.id === id) return true;
  return false;
}

/** The three date checks of a feature against a milestone that lists it; `span` is relative to the milestone's segment. */
function checkPair(milestone: PlanItem, feature: PlanItem, relative: { start: number; end: number }, problems: Problem[]): void {
  if (!(feature.due && milestone.due && feature.due > milestone.due) && !milestone.completed) return;
  const span = milestone.absolute(relative);
  const data = { kind: 'pair' as const, milestone: milestone.id, feature: feature.id };
  if (feature.due && milestone.due && feature.due > milestone.due) {
    problems.push({
      code: 'feature-due-after-milestone',
      message: `${feature.id} is due ${feature.due}, after ${milestone.id} (due ${milestone.due}).`,
      ...span,
      data,
    });
  }
  if (milestone.completed && !feature.completed) {
    problems.push({
      code: 'feature-open-in-completed-milestone',
      message: `${milestone.id} was completed ${milestone.completed}, but ${feature.id}${feature.due ? ` (due ${feature.due})` : ''} is not completed.`,
      ...span,
      data,
    });
  }
  if (milestone.completed && feature.completed && feature.completed > milestone.completed) {
    problems.push({
      code: 'feature-completed-after-milestone',
      message: `${feature.id} was completed ${feature.completed}, after ${milestone.id} (completed ${milestone.completed}).`,
      ...span,
      data,
    });
  }
}

function checkItemDates(item: PlanItem, context: CheckContext, problems: Problem[]): void {
  const asOf = context.asOf(item.uri);
  const label = item.kind === 'milestone' ? 'Milestone' : 'Feature';
  if (item.completed && item.completed > asOf) {
    const field = item.field('completed')!;
    problems.push({
      code: 'completed-in-future',
      message: `${label} ${item.id} is marked completed ${item.completed}, after ${asOf} (as of).`,
      ...field.valueSpan,
      data: { kind: 'item', id: item.id },
    });
  }
  if (!item.completedWritten && item.due && item.due < asOf) {
    problems.push({
      code: 'overdue',
      message: `${label} ${item.id} was due ${item.due} and is not completed (as of ${asOf}).`,
      ...item.idSpan,
      data: { kind: 'item', id: item.id },
    });
  }
}
