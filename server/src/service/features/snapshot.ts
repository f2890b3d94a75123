// The plan as the tree view and the timeline draw it: milestones in (due, ID) order, each with the
// row of every feature it lists, each item with its state and problems. Built from the same
// analysis as the diagnostics; the tree and the timeline only draw what it decides.
import type { FeatureRow, FeatureSnapshot, ItemState, Links, Location, MilestoneSnapshot, PlanSnapshot, ProblemSummary, Severity } from '../../../../common/planSnapshot';
import type { ReportedProblem } from '../checks/problems';
import { drivingPredecessor } from '../model/drivingPath';
import { progressOf } from '../model/itemState';
import { itemAt, itemLocation } from '../model/locate';
import { byDueThenId, type PlanItem } from '../model/planItem';
import type { Workspace } from '../workspace';

/** The date checks between a feature and a milestone that lists it: a failed one makes both inconsistent. */
const pairRules = new Set(['feature-due-after-milestone', 'feature-open-in-completed-milestone', 'feature-completed-after-milestone']);

export function planSnapshot(workspace: Workspace): PlanSnapshot {
  const analysis = workspace.analyze();
  const { index } = analysis;
  const files = workspace.allFiles();
  const asOfs = files.map((file) => workspace.asOf(file.uri));
  const asOf = asOfs.length > 0 ? asOfs.sort()[asOfs.length - 1]! : workspace.asOf('');
  const problemsOf = new Map<PlanItem, ProblemSummary[]>();
  /** Problems between a milestone and a feature, by `milestone\0feature`. */
  const pairProblems = new Map<string, ProblemSummary[]>();
  const problemCounts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  for (const file of files) {
    for (const problem of analysis.problems.get(file.uri)?.all ?? []) {
      problemCounts[problem.severity]++;
      // Each problem belongs to the item whose entry holds it.
      const owner = itemAt(file, problem.start);
      if (!owner) continue;
      const pair = problem.data?.kind === 'pair' ? problem.data : undefined;
      const link = problem.data?.kind === 'link' ? problem.data : undefined;
      append(problemsOf, owner, pair ? { ...summarize(problem), related: pair.feature } : link ? { ...summarize(problem), related: link.predecessor } : summarize(problem));
      if (pair && pairRules.has(problem.code)) append(pairProblems, pairKey(pair.milestone, pair.feature), { ...summarize(problem), related: pair.milestone });
    }
  }

  const locate = (item: PlanItem): Location => itemLocation(workspace.getFile(item.uri)!, item);

  /** An item's known predecessors with the worst failed check on each link, and the driving one. */
  const linksOf = (item: PlanItem): Links => {
    const own = problemsOf.get(item) ?? [];
    const predecessors = [...new Set(item.predecessorIdList)]
      .filter((id) => index.item(id) !== undefined)
      .map((id) => ({ id, worst: worst(own.filter((problem) => problem.related === id && linkRules.has(problem.code))) }));
    return { predecessors, driving: drivingPredecessor(index, item)?.id ?? null };
  };

  const features: Record<string, FeatureSnapshot> = {};
  for (const [id, feature] of index.features) {
    // (A milestone ID defined twice lists the feature twice over, with one key for both.)
    const parents = [...new Set(index.parents(id).map((parent) => parent.id))];
    const pairs = parents.flatMap((parent) => pairProblems.get(pairKey(parent, id)) ?? []);
    const dated = workspace.withOverrides(feature);
    const progress = progressOf(dated, workspace.asOf(feature.uri));
    features[id] = {
      id,
      name: feature.name ?? '',
      due: dated.due ?? null,
      completed: dated.completed ?? null,
      forecast: feature.forecast ?? null,
      progress,
      state: pairs.length > 0 ? 'inconsistent' : progress,
      problems: [...(problemsOf.get(feature) ?? []), ...pairs],
      location: locate(feature),
      parents,
      links: linksOf(feature),
    };
  }

  const milestones: MilestoneSnapshot[] = [...index.milestones.values()].sort((a, b) => byDueThenId(workspace.withOverrides(a), workspace.withOverrides(b))).map((milestone) => {
    const problems = problemsOf.get(milestone) ?? [];
    const dated = workspace.withOverrides(milestone);
    const progress = progressOf(dated, workspace.asOf(milestone.uri));
    return {
      id: milestone.id,
      name: milestone.name ?? '',
      due: dated.due ?? null,
      completed: dated.completed ?? null,
      forecast: milestone.forecast ?? null,
      level: milestone.level ?? null,
      progress,
      state: problems.some((problem) => pairRules.has(problem.code)) ? 'inconsistent' : progress,
      problems,
      location: locate(milestone),
      features: index.listedFeatures(milestone).ids.map((id) => featureRow(milestone.id, id, features[id], pairProblems)),
      links: linksOf(milestone),
    };
  });

  return { asOf, milestones, features, problemCounts };
}

/** A feature beneath a milestone: inconsistent only where a date check between the two failed. */
function featureRow(milestoneId: string, id: string, feature: FeatureSnapshot | undefined, pairProblems: Map<string, ProblemSummary[]>): FeatureRow {
  if (!feature) return { id, state: 'unknown', problems: [] };
  const pairs = pairProblems.get(pairKey(milestoneId, id)) ?? [];
  const own = feature.problems.filter((problem) => problem.related === undefined);
  const state: ItemState = pairs.length > 0 ? 'inconsistent' : feature.progress;
  return { id, state, problems: [...own, ...pairs] };
}

/** The checks of a predecessor link, drawn on its arrow. */
const linkRules = new Set(['predecessor-due-after', 'predecessor-open', 'dependency-cycle']);

const severityOrder: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function worst(problems: readonly ProblemSummary[]): Severity | null {
  let found: Severity | null = null;
  for (const problem of problems) if (found === null || severityOrder.indexOf(problem.severity) < severityOrder.indexOf(found)) found = problem.severity;
  return found;
}

function pairKey(milestone: string, feature: string): string {
  return `${milestone}\u0000${feature}`;
}

function summarize(problem: ReportedProblem): ProblemSummary {
  return { code: problem.code, severity: problem.severity, message: problem.message };
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
