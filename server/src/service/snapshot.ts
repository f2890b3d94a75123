// The plan as the tree view and the timeline see it: milestones in (due, ID) order with their
// features, each with its state and problems. Built from the same analysis as the diagnostics.
import type { FeatureSnapshot, ItemState, Location, MilestoneSnapshot, PlanSnapshot, ProblemSummary, Severity } from '../../../common/protocol';
import type { PlanItem } from './plan';
import type { ReportedProblem } from './problems';
import type { Workspace } from './workspace';

const pairRules = new Set(['feature-due-after-milestone', 'feature-open-in-completed-milestone', 'feature-completed-after-milestone']);

export function planSnapshot(workspace: Workspace): PlanSnapshot {
  const analysis = workspace.analyze();
  const files = workspace.allFiles();
  const asOfs = files.map((file) => workspace.asOf(file.uri));
  const asOf = asOfs.length > 0 ? asOfs.sort()[asOfs.length - 1]! : workspace.asOf('');
  const problemsOf = new Map<PlanItem, ProblemSummary[]>();
  const pairProblems = new Map<string, ProblemSummary[]>(); // feature ID → problems of its pairs
  const problemCounts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  for (const file of files) {
    const problems = analysis.problems.get(file.uri) ?? [];
    for (const problem of problems) problemCounts[problem.severity]++;
    // Attribute each problem to the item whose entry holds it.
    const items = [...file.milestones, ...file.features];
    const spans = items.map((item) => ({ item, span: item.entrySpan })).sort((a, b) => a.span.start - b.span.start);
    for (const problem of problems) {
      const owner = findOwner(spans, problem.start);
      if (!owner) continue;
      const pair = problem.data?.kind === 'pair' ? problem.data : undefined;
      append(problemsOf, owner, pair ? { ...summarize(problem), related: pair.feature } : summarize(problem));
      if (pair && pairRules.has(problem.code)) append(pairProblems, pair.feature, { ...summarize(problem), related: pair.milestone });
    }
  }

  const locate = (item: PlanItem): Location => {
    const file = workspace.getFile(item.uri)!;
    const span = item.idSpan;
    return { uri: item.uri, range: { start: file.lineIndex.positionAt(span.start), end: file.lineIndex.positionAt(span.end) } };
  };

  const features: Record<string, FeatureSnapshot> = {};
  for (const [id, feature] of analysis.index.features) {
    const problems = [...(problemsOf.get(feature) ?? []), ...(pairProblems.get(id) ?? [])];
    features[id] = {
      id,
      name: feature.name ?? '',
      due: feature.due ?? null,
      completed: feature.completed ?? null,
      state: stateOf(feature, problems, workspace.asOf(feature.uri)),
      problems,
      location: locate(feature),
      parents: analysis.index.parents(id).map((parent) => parent.id),
    };
  }

  const milestones: MilestoneSnapshot[] = [...analysis.index.milestones.values()]
    .sort(byDueThenId)
    .map((milestone) => {
      const problems = problemsOf.get(milestone) ?? [];
      return {
        id: milestone.id,
        name: milestone.name ?? '',
        due: milestone.due ?? null,
        completed: milestone.completed ?? null,
        level: milestone.level ?? null,
        state: stateOf(milestone, problems, workspace.asOf(milestone.uri)),
        problems,
        location: locate(milestone),
        features: milestone.references.map((reference) => reference.id),
      };
    });

  return { asOf, milestones, features, problemCounts };
}

/** Milestones and features in (due, ID) order; items without a valid due date last. */
export function byDueThenId(a: PlanItem, b: PlanItem): number {
  const dueA = a.due ?? '9999-99-99';
  const dueB = b.due ?? '9999-99-99';
  return dueA < dueB ? -1 : dueA > dueB ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function stateOf(item: PlanItem, problems: ProblemSummary[], asOf: string): ItemState {
  if (problems.some((problem) => pairRules.has(problem.code))) return 'inconsistent';
  if (item.completed) return 'completed';
  if (item.due && item.due < asOf) return 'overdue';
  return 'open';
}

function summarize(problem: ReportedProblem): ProblemSummary {
  return { code: problem.code, severity: problem.severity, message: problem.message };
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function findOwner(spans: { item: PlanItem; span: { start: number; end: number } }[], offset: number): PlanItem | undefined {
  let low = 0;
  let high = spans.length - 1;
  let found: PlanItem | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { item, span } = spans[middle]!;
    if (span.start <= offset) {
      if (offset <= span.end) found = item;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
