// The checks that look across items and files: IDs, references, the dates of features against
// their milestones, overdue and future dates. Each places its problem on the ID or date concerned.
import type { PlanItem } from './plan';
import type { Problem } from './problems';
import { closestMatch } from './suggest';

export class PlanIndex {
  /** The first definition of each milestone and feature ID. */
  readonly milestones = new Map<string, PlanItem>();
  readonly features = new Map<string, PlanItem>();
  /** IDs defined more than once, with every definition in file order. */
  readonly duplicates = new Map<string, PlanItem[]>();
  /** Feature IDs that at least one milestone lists. */
  readonly listed = new Set<string>();
  private parentsById: Map<string, PlanItem[]> | undefined;

  constructor(
    /** Every milestone and every feature, duplicates included, in file order. */
    readonly milestoneList: readonly PlanItem[],
    readonly featureList: readonly PlanItem[],
  ) {
    for (const item of milestoneList) this.define(this.milestones, item);
    for (const item of featureList) this.define(this.features, item);
    for (const milestone of milestoneList) for (const reference of milestone.references) this.listed.add(reference.id);
  }

  private define(map: Map<string, PlanItem>, item: PlanItem): void {
    const other = map === this.milestones ? this.features : this.milestones;
    const first = map.get(item.id) ?? other.get(item.id);
    if (first === undefined) {
      map.set(item.id, item);
      return;
    }
    if (!map.has(item.id)) map.set(item.id, item);
    const list = this.duplicates.get(item.id);
    if (list) list.push(item);
    else this.duplicates.set(item.id, [first, item]);
  }

  /** Every definition of an ID. */
  definitions(id: string): PlanItem[] {
    const duplicates = this.duplicates.get(id);
    if (duplicates) return duplicates;
    const item = this.milestones.get(id) ?? this.features.get(id);
    return item ? [item] : [];
  }

  /** The milestones that list a feature ID, each once, in file order. Built on first use. */
  parents(id: string): PlanItem[] {
    if (!this.parentsById) {
      this.parentsById = new Map();
      for (const milestone of this.milestoneList) {
        for (const reference of milestone.references) {
          const list = this.parentsById.get(reference.id);
          if (!list) this.parentsById.set(reference.id, [milestone]);
          else if (list[list.length - 1] !== milestone) list.push(milestone);
        }
      }
    }
    return this.parentsById.get(id) ?? [];
  }
}

export function buildIndex(milestones: readonly PlanItem[], features: readonly PlanItem[]): PlanIndex {
  return new PlanIndex(milestones, features);
}

export interface CheckContext {
  index: PlanIndex;
  /** The date "overdue" and "in the future" are judged against, for items of the given file. */
  asOf(uri: string): string;
  /** Where an item is defined, for messages: `file.milestones.yaml:12`. */
  where(item: PlanItem): string;
  report(uri: string, problem: Problem): void;
}

export function checkDuplicateIds(context: CheckContext): void {
  for (const [id, items] of context.index.duplicates) {
    for (const item of items) {
      const others = items.filter((other) => other !== item).map((other) => `${other.kind} at ${context.where(other)}`);
      context.report(item.uri, {
        code: 'duplicate-id',
        message: `${id} is defined more than once: also as ${others.join(', ')}.`,
        ...item.idSpan,
        data: { kind: 'item', id },
      });
    }
  }
}

export function checkMilestoneFeatures(milestone: PlanItem, context: CheckContext): void {
  const { index } = context;
  const references = milestone.references;
  let featureIds: string[] | undefined;
  for (let position = 0; position < references.length; position++) {
    const reference = references[position]!;
    if (isRepeat(references, position)) {
      context.report(milestone.uri, {
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
      featureIds ??= [...index.features.keys()];
      const suggestion = isMilestone ? undefined : closestMatch(reference.id, featureIds);
      context.report(milestone.uri, {
        code: 'unknown-feature',
        message: isMilestone
          ? `${reference.id} is a milestone, not a feature: a milestone lists features.`
          : `${milestone.id} lists ${reference.id}, which no plan defines${suggestion ? `: did you mean ${suggestion}?` : '.'}`,
        ...milestone.absolute(reference.span),
        data: { kind: 'unknown-feature', milestone: milestone.id, feature: reference.id, suggestion },
      });
      continue;
    }
    checkPair(milestone, feature, reference.span, context);
  }
}

/** Whether the reference at `position` repeats an earlier one (lists are short: no set needed). */
function isRepeat(references: readonly { id: string }[], position: number): boolean {
  const id = references[position]!.id;
  for (let earlier = 0; earlier < position; earlier++) if (references[earlier]!.id === id) return true;
  return false;
}

/** The three date checks of a feature against a milestone that lists it; `span` is relative to the milestone's segment. */
function checkPair(milestone: PlanItem, feature: PlanItem, relative: { start: number; end: number }, context: CheckContext): void {
  if (!(feature.due && milestone.due && feature.due > milestone.due) && !milestone.completed) return;
  const span = milestone.absolute(relative);
  const data = { kind: 'pair' as const, milestone: milestone.id, feature: feature.id };
  if (feature.due && milestone.due && feature.due > milestone.due) {
    context.report(milestone.uri, {
      code: 'feature-due-after-milestone',
      message: `${feature.id} is due ${feature.due}, after ${milestone.id} (due ${milestone.due}).`,
      ...span,
      data,
    });
  }
  if (milestone.completed && !feature.completed) {
    context.report(milestone.uri, {
      code: 'feature-open-in-completed-milestone',
      message: `${milestone.id} was completed ${milestone.completed}, but ${feature.id}${feature.due ? ` (due ${feature.due})` : ''} is not completed.`,
      ...span,
      data,
    });
  }
  if (milestone.completed && feature.completed && feature.completed > milestone.completed) {
    context.report(milestone.uri, {
      code: 'feature-completed-after-milestone',
      message: `${feature.id} was completed ${feature.completed}, after ${milestone.id} (completed ${milestone.completed}).`,
      ...span,
      data,
    });
  }
}

export function checkItemDates(item: PlanItem, context: CheckContext): void {
  const asOf = context.asOf(item.uri);
  const label = item.kind === 'milestone' ? 'Milestone' : 'Feature';
  if (item.completed && item.completed > asOf) {
    const field = item.field('completed')!;
    context.report(item.uri, {
      code: 'completed-in-future',
      message: `${label} ${item.id} is marked completed ${item.completed}, after ${asOf} (as of).`,
      ...field.valueSpan,
      data: { kind: 'item', id: item.id },
    });
  }
  const completedField = item.fields.get('completed');
  const hasCompletion = item.completed !== undefined || (completedField?.value?.kind === 'scalar' && completedField.value.value !== null && completedField.value.value !== '');
  if (!hasCompletion && item.due && item.due < asOf) {
    context.report(item.uri, {
      code: 'overdue',
      message: `${label} ${item.id} was due ${item.due} and is not completed (as of ${asOf}).`,
      ...item.idSpan,
      data: { kind: 'item', id: item.id },
    });
  }
}

export function checkUnusedFeature(feature: PlanItem, context: CheckContext): void {
  if (context.index.listed.has(feature.id)) return;
  context.report(feature.uri, {
    code: 'unused-feature',
    message: `No milestone lists ${feature.id}.`,
    ...feature.idSpan,
    data: { kind: 'item', id: feature.id },
  });
}
