// The checks that look across items and files: IDs, references, the dates of features against
// their milestones, overdue and future dates. Each places its problem on the ID or date concerned.
import type { PlanItem } from './plan';
import type { Problem } from './problems';
import { closestMatch } from './suggest';

export interface PlanIndex {
  /** Every definition of every ID, milestones and features, in file order. */
  definitions: Map<string, PlanItem[]>;
  /** The first definition of each feature ID. */
  features: Map<string, PlanItem>;
  milestones: Map<string, PlanItem>;
  /** The milestones that list each feature ID (known or not). */
  parents: Map<string, PlanItem[]>;
  /** Every milestone and every feature, duplicates included, in file order. */
  milestoneList: readonly PlanItem[];
  featureList: readonly PlanItem[];
}

export function buildIndex(milestones: readonly PlanItem[], features: readonly PlanItem[]): PlanIndex {
  const definitions = new Map<string, PlanItem[]>();
  const define = (item: PlanItem) => {
    const list = definitions.get(item.id);
    if (list) list.push(item);
    else definitions.set(item.id, [item]);
  };
  const featureMap = new Map<string, PlanItem>();
  const milestoneMap = new Map<string, PlanItem>();
  for (const item of milestones) {
    define(item);
    if (!milestoneMap.has(item.id)) milestoneMap.set(item.id, item);
  }
  for (const item of features) {
    define(item);
    if (!featureMap.has(item.id)) featureMap.set(item.id, item);
  }
  const parents = new Map<string, PlanItem[]>();
  for (const milestone of milestones) {
    const seen = new Set<string>();
    for (const reference of milestone.references) {
      if (seen.has(reference.id)) continue;
      seen.add(reference.id);
      const list = parents.get(reference.id);
      if (list) list.push(milestone);
      else parents.set(reference.id, [milestone]);
    }
  }
  return { definitions, features: featureMap, milestones: milestoneMap, parents, milestoneList: milestones, featureList: features };
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
  for (const [id, items] of context.index.definitions) {
    if (items.length < 2) continue;
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
  const seen = new Set<string>();
  let featureIds: string[] | undefined;
  for (const reference of milestone.featureReferences) {
    if (seen.has(reference.id)) {
      context.report(milestone.uri, {
        code: 'duplicate-feature',
        message: `${reference.id} is listed more than once in ${milestone.id}.`,
        ...reference.span,
        data: { kind: 'pair', milestone: milestone.id, feature: reference.id },
      });
      continue;
    }
    seen.add(reference.id);
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
        ...reference.span,
        data: { kind: 'unknown-feature', milestone: milestone.id, feature: reference.id, suggestion },
      });
      continue;
    }
    checkPair(milestone, feature, reference.span, context);
  }
}

function checkPair(milestone: PlanItem, feature: PlanItem, span: { start: number; end: number }, context: CheckContext): void {
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
  if (context.index.parents.has(feature.id)) return;
  context.report(feature.uri, {
    code: 'unused-feature',
    message: `No milestone lists ${feature.id}.`,
    ...feature.idSpan,
    data: { kind: 'item', id: feature.id },
  });
}
