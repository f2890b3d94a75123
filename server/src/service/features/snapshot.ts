// The plan as the tree view, the timeline and the burndown draw it: milestones in (due, ID) order,
// each with the row of every feature it lists, each item with its effective dates, status, state,
// problems and float. Built from the effective plan and its marks; the views only draw what it decides.
import type { FeatureRow, FeatureSnapshot, FloatSummary, ItemState, Links, Location, MilestoneSnapshot, PlanSnapshot, ProblemSummary, Severity } from '../../../../common/planSnapshot';
import type { ReportedProblem } from '../checks/problems';
import { drivingPredecessor } from '../model/drivingPath';
import type { EffectiveItem, EffectivePlan, Mark } from '../model/effectivePlan';
import { byDueThenId } from '../model/itemState';
import { itemAt, itemLocation } from '../model/locate';
import type { PlanItem } from '../model/planItem';
import type { Workspace } from '../workspace';

/** An item's state: `inconsistent` when a rule that fired marked it so, else its status. */
function stateOf(item: EffectiveItem, marks: ReadonlySet<Mark>): ItemState {
  return marks.has('inconsistent') ? 'inconsistent' : item.status;
}

export function planSnapshot(workspace: Workspace): PlanSnapshot {
  const analysis = workspace.analyze();
  const { plan } = analysis;
  const files = workspace.allFiles();
  const problemsOf = new Map<PlanItem, ProblemSummary[]>();
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
    }
  }

  const locate = (item: EffectiveItem): Location => itemLocation(workspace.getFile(item.uri)!, item.definition);

  /** An item's known predecessors with the worst failed check on each link, and the driving one. */
  const linksOf = (item: EffectiveItem): Links => {
    const own = problemsOf.get(item.definition) ?? [];
    const predecessors = plan.predecessorsOf(item).map(({ id }) => ({ id, worst: worst(own.filter((problem) => problem.related === id && workspace.rules.marksOf(problem.code).length > 0)) }));
    return { predecessors, driving: drivingPredecessor(plan, item)?.id ?? null };
  };

  /** An item's float as the views draw it. */
  const floatOf = (item: EffectiveItem): FloatSummary => {
    const answer = analysis.float.of(item.id);
    const { headline, detail } = analysis.float.describe(item.id);
    const text = `${headline} — ${detail}`;
    if (answer.kind === 'none') return { days: null, late: null, limitedBy: null, via: null, critical: false, text };
    return { days: answer.days, late: answer.late, limitedBy: answer.limitedBy, via: analysis.float.via(item.id) ?? null, critical: answer.critical, text };
  };

  const features: Record<string, FeatureSnapshot> = {};
  for (const feature of plan.features()) {
    const id = feature.id;
    // (A milestone ID defined twice lists the feature twice over, with one key for both.)
    const parents = [...new Set(plan.parents(id).map((parent) => parent.id))];
    const pairs = parents.flatMap((parent) => plan.pairProblems(parent, id).map((problem) => ({ ...summarize(problem), related: parent })));
    features[id] = {
      id,
      name: feature.name ?? '',
      due: feature.due ?? null,
      completed: feature.completed ?? null,
      forecast: feature.forecast ?? null,
      progress: feature.status,
      state: stateOf(feature, plan.marks(id)),
      problems: [...(problemsOf.get(feature.definition) ?? []), ...pairs],
      location: locate(feature),
      parents,
      links: linksOf(feature),
      float: floatOf(feature),
    };
  }

  const milestones: MilestoneSnapshot[] = plan
    .milestones()
    .sort(byDueThenId)
    .map((milestone) => ({
      id: milestone.id,
      name: milestone.name ?? '',
      due: milestone.due ?? null,
      completed: milestone.completed ?? null,
      forecast: milestone.forecast ?? null,
      level: milestone.level ?? null,
      progress: milestone.status,
      state: stateOf(milestone, plan.marks(milestone.id)),
      problems: problemsOf.get(milestone.definition) ?? [],
      location: locate(milestone),
      features: plan.listedFeatures(milestone).ids.map((id) => featureRow(plan, milestone.id, id, features[id])),
      links: linksOf(milestone),
      float: floatOf(milestone),
    }));

  return { asOf: workspace.planAsOf(), milestones, features, problemCounts };
}

/** A feature beneath a milestone: inconsistent where a check between the two, or one of the feature's own, marked it so. */
function featureRow(plan: EffectivePlan, milestoneId: string, id: string, feature: FeatureSnapshot | undefined): FeatureRow {
  if (!feature) return { id, state: 'unknown', problems: [] };
  const pairs = plan.pairProblems(milestoneId, id).map((problem) => ({ ...summarize(problem), related: milestoneId }));
  const own = feature.problems.filter((problem) => problem.related === undefined);
  const inconsistent = plan.pairMarks(milestoneId, id).has('inconsistent') || plan.ownMarks(id).has('inconsistent');
  return { id, state: inconsistent ? 'inconsistent' : feature.progress, problems: [...own, ...pairs] };
}

const severityOrder: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function worst(problems: readonly ProblemSummary[]): Severity | null {
  let found: Severity | null = null;
  for (const problem of problems) if (found === null || severityOrder.indexOf(problem.severity) < severityOrder.indexOf(found)) found = problem.severity;
  return found;
}

function summarize(problem: ReportedProblem): ProblemSummary {
  return { code: problem.code, severity: problem.severity, message: problem.message };
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
