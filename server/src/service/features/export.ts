// Exports the plan in the form of LDM-564 §3 "Functionality in DM releases": milestones in (due,
// ID) order, each with its dates and its features in (due, ID) order, as Markdown or LaTeX; the
// dates as the effective plan has them (overrides applied).
import type { EffectiveItem } from '../model/effectivePlan';
import { byDueThenId, completionText, isCompleted } from '../model/itemState';
import type { Workspace } from '../workspace';

export type ExportFormat = 'md' | 'tex';

export const noNewFunctionality = 'No new functionality is associated with this milestone, which represents a refined or improved version of earlier deliveries.';

function dates(item: EffectiveItem): string {
  return `Due: ${item.due ?? 'no date'}; ${isCompleted(item) ? `completed ${completionText(item)}` : 'currently incomplete'}`;
}

interface Release {
  milestone: EffectiveItem;
  features: EffectiveItem[];
  /** Listed IDs that no plan defines; exported with what is known: the ID. */
  unknown: string[];
}

function releases(workspace: Workspace): Release[] {
  const { plan } = workspace.analyze();
  return plan
    .milestones()
    .sort(byDueThenId)
    .map((milestone) => {
      const { ids, features } = plan.listedFeatures(milestone);
      return { milestone, features: features.sort(byDueThenId), unknown: ids.filter((id) => !plan.index.features.has(id)) };
    });
}

export function exportPlan(workspace: Workspace, format: ExportFormat): string {
  return format === 'md' ? toMarkdown(releases(workspace)) : toLatex(releases(workspace));
}

function toMarkdown(list: Release[]): string {
  const out: string[] = [];
  for (const { milestone, features, unknown } of list) {
    out.push(`### ${milestone.name ?? milestone.id}: ${milestone.id}`, '', `*${dates(milestone)}.*`, '');
    if (features.length + unknown.length === 0) {
      out.push(noNewFunctionality, '');
      continue;
    }
    for (const feature of features) out.push(`- ${feature.id}: ${feature.name ?? ''} (*${dates(feature)}*)`);
    for (const id of unknown) out.push(`- ${id}: (not defined in any plan)`);
    out.push('');
  }
  return out.join('\n');
}

const latexSpecials: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (character) => latexSpecials[character]!);
}

function toLatex(list: Release[]): string {
  const out: string[] = [];
  for (const { milestone, features, unknown } of list) {
    out.push(`\\subsection{${escapeLatex(milestone.name ?? milestone.id)}: ${escapeLatex(milestone.id)}}`, '', `\\textit{${escapeLatex(dates(milestone))}.}`, '');
    if (features.length + unknown.length === 0) {
      out.push(noNewFunctionality, '');
      continue;
    }
    out.push('\\begin{itemize}');
    for (const feature of features) out.push(`\\item \\textbf{${escapeLatex(feature.id)}}: ${escapeLatex(feature.name ?? '')} (\\textit{${escapeLatex(dates(feature))}})`);
    for (const id of unknown) out.push(`\\item \\textbf{${escapeLatex(id)}}: (not defined in any plan)`);
    out.push('\\end{itemize}', '');
  }
  return out.join('\n');
}
