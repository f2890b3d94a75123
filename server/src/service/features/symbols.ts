// The document outline (milestones with the features they list, features, acronyms) and the
// workspace symbol search over every plan's IDs and names.
import { completionText, isCompleted } from '../model/itemState';
import { sectionKeySpan } from '../model/locate';
import type { PlanFile } from '../model/planFile';
import type { EffectiveItem } from '../model/effectivePlan';
import type { PlanItem } from '../model/planItem';
import { firstInOrder, matcher } from '../text/matching';
import type { Workspace } from '../workspace';
import type { Span } from '../yaml/nodes';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'milestone' | 'feature' | 'reference' | 'acronym' | 'section';
  /** The whole entry. */
  span: Span;
  /** The ID or key, what the editor selects. */
  selection: Span;
  children: OutlineSymbol[];
}

/** An entry's detail in the outline, as the effective plan has it: `Name · due 2022-03-01 — local.yaml; the plan says 2021-06-01 · completed …`. */
function describeDates(item: EffectiveItem): string {
  const due = item.due !== undefined || item.isOverridden('due') ? `due ${item.describe('due')}` : '';
  const completed = isCompleted(item) ? `completed ${item.isOverridden('completed') ? item.describe('completed') : completionText(item)}` : item.isOverridden('completed') ? `not completed (${item.describe('completed')})` : '';
  return [item.name ?? '', due, completed].filter(Boolean).join(' · ');
}

/** Milestones with the features they list beneath, then features, then acronyms; each section from its key to its last entry. */
export function documentSymbols(workspace: Workspace, file: PlanFile): OutlineSymbol[] {
  const { plan } = workspace.analyze();
  const symbols: OutlineSymbol[] = [];
  const section = (name: string, children: OutlineSymbol[]) => {
    if (children.length === 0) return;
    // The key, when it stands before the entries (a range holds its selection and its children).
    const key = sectionKeySpan(file, name);
    const first = key && key.start < children[0]!.span.start ? key : undefined;
    const span = { start: (first ?? children[0]!.span).start, end: children[children.length - 1]!.span.end };
    symbols.push({ name, detail: `${children.length}`, kind: 'section', span, selection: first ?? children[0]!.selection, children });
  };
  section(
    'milestones',
    file.milestones.map((milestone) => ({
      name: milestone.id,
      detail: describeDates(plan.of(milestone)),
      kind: 'milestone' as const,
      span: milestone.entrySpan,
      selection: milestone.idSpan,
      children: [...milestone.featureReferences.map((reference) => ({ name: reference.id, detail: '', kind: 'reference' as const, span: reference.span, selection: reference.span, children: [] })), ...predecessorSymbols(milestone)].sort(
        (a, b) => a.span.start - b.span.start,
      ),
    })),
  );
  section(
    'features',
    file.features.map((feature) => ({ name: feature.id, detail: describeDates(plan.of(feature)), kind: 'feature' as const, span: feature.entrySpan, selection: feature.idSpan, children: predecessorSymbols(feature) })),
  );
  section(
    'acronyms',
    file.acronyms.map((acronym) => ({ name: acronym.term, detail: acronym.definition, kind: 'acronym' as const, span: { start: acronym.keySpan.start, end: acronym.valueSpan.end }, selection: acronym.keySpan, children: [] })),
  );
  return symbols;
}

/** The IDs an item names as predecessors, as children of its symbol. */
function predecessorSymbols(item: PlanItem): OutlineSymbol[] {
  return item.predecessorReferences.map((reference) => ({ name: reference.id, detail: 'predecessor', kind: 'reference' as const, span: reference.span, selection: reference.span, children: [] }));
}

export interface WorkspaceSymbol {
  name: string;
  detail: string;
  kind: 'milestone' | 'feature';
  uri: string;
  span: Span;
}

/** Milestones and features of every file whose ID or name matches the query, best matches first (see `matcher`), then by ID. */
export function workspaceSymbols(workspace: Workspace, query: string, limit = 500): WorkspaceSymbol[] {
  const found: { item: PlanItem; rank: number }[] = [];
  const rank = matcher(query.trim());
  for (const file of workspace.allFiles()) {
    for (const items of [file.milestones, file.features]) {
      for (const item of items) {
        const itemRank = rank(...item.lowerCase);
        if (itemRank !== undefined) found.push({ item, rank: itemRank });
      }
    }
  }
  const best = firstInOrder(found, (a, b) => a.rank - b.rank || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0), limit);
  const { plan } = workspace.analyze();
  return best.map(({ item }) => ({ name: item.id, detail: plan.of(item).name ?? '', kind: item.kind, uri: item.uri, span: item.idSpan }));
}
