// Exports the plan as a graph: Graphviz DOT (one node per milestone and feature, styled by state and
// labelled with its float, critical ones and the links of their chains in bold red; an edge per
// predecessor link and a dashed one per feature a milestone lists) or a Mermaid `gantt` chart (a
// section per level, `after` where an item has a single predecessor, critical items `crit`), which
// Markdown renderers such as GitHub's draw.
import type { EffectiveItem, EffectivePlan } from '../model/effectivePlan';
import { floatLabel, type FloatAnalysis } from '../model/float';
import { byDueThenId, type Progress } from '../model/itemState';
import type { Workspace } from '../workspace';

export type GraphFormat = 'dot' | 'mermaid';

type NodeState = Progress | 'inconsistent';

/** Fill colours by state: completed blue and overdue orange, as in the schedule's own graphs. */
const fills: Record<NodeState, string> = { completed: '#9ecae1', open: '#ffffff', overdue: '#fdae6b', inconsistent: '#fb6a4a' };

/** The colour of critical items and of the links of their chains. */
const critical = '#cb181d';

export function exportGraph(workspace: Workspace, format: GraphFormat): string {
  const { plan, float } = workspace.analyze();
  const items = [...plan.milestones().sort(byDueThenId), ...plan.features().filter((feature) => !plan.index.milestones.has(feature.id)).sort(byDueThenId)];
  return format === 'dot' ? toDot(plan, float, items) : toMermaid(workspace, plan, float, items);
}

function isCritical(float: FloatAnalysis, id: string): boolean {
  const answer = float.of(id);
  return answer.kind === 'float' && answer.critical;
}

/** The link from `from` to `to` is a step of a critical chain: both critical, and `from`'s limit comes through `to`. */
function onCriticalChain(float: FloatAnalysis, from: string, to: string): boolean {
  return isCritical(float, from) && isCritical(float, to) && float.via(from) === to;
}

/** A node's state: `inconsistent` where a rule that fired marked it so (as the tree and the timeline show it), else its status. */
function stateOf(plan: EffectivePlan, item: EffectiveItem): NodeState {
  return plan.marks(item.id).has('inconsistent') ? 'inconsistent' : item.status;
}

/** A DOT string: double-quoted, with quotes and backslashes escaped and line breaks as `\n`. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

function toDot(plan: EffectivePlan, float: FloatAnalysis, items: EffectiveItem[]): string {
  const out = ['digraph milestones {', '  rankdir=LR;', '  node [style="rounded,filled", fontname="Helvetica", fontsize=10];', '  edge [color="#555555"];'];
  for (const item of items) {
    const state = stateOf(plan, item);
    const answer = float.of(item.id);
    const floatLine = answer.kind === 'float' || answer.reason === 'unlimited' ? floatLabel(answer) : '';
    const label = `${item.id}\n${item.name ?? ''}\n${item.completed ? `completed ${item.completed}` : `due ${item.due ?? '—'}`}${floatLine ? `\n${floatLine}` : ''}`;
    const emphasis = isCritical(float, item.id) ? `, color="${critical}", penwidth=2` : '';
    out.push(`  ${dotString(item.id)} [label=${dotString(label)}, shape=${item.kind === 'milestone' ? 'box' : 'ellipse'}, fillcolor="${fills[state]}"${emphasis}, class="${state}", tooltip=${dotString(`${item.kind} · ${state}`)}];`);
  }
  const edge = (from: string, to: string, style: string[]) => {
    const attributes = onCriticalChain(float, from, to) ? [...style, `color="${critical}"`, 'penwidth=2'] : style;
    out.push(`  ${dotString(from)} -> ${dotString(to)}${attributes.length > 0 ? ` [${attributes.join(', ')}]` : ''};`);
  };
  for (const item of items) {
    for (const predecessor of plan.predecessorsOf(item)) edge(predecessor.id, item.id, []);
    if (item.kind === 'milestone') for (const feature of plan.listedFeatures(item).features) edge(feature.id, item.id, ['style=dashed']);
  }
  out.push('}', '');
  return out.join('\n');
}

/** Mermaid task IDs: letters, digits and `_` only; each plan ID gets one, distinct. */
function mermaidIds(items: EffectiveItem[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const item of items) {
    const base = item.id.replace(/[^A-Za-z0-9_]/g, '_');
    let id = base;
    for (let suffix = 2; used.has(id); suffix++) id = `${base}_${suffix}`;
    used.add(id);
    ids.set(item.id, id);
  }
  return ids;
}

/** A task's name as Mermaid reads it: no `:` (which ends the name), `;` or `#`, on one line. */
function mermaidName(text: string): string {
  return text.replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim() || '(no name)';
}

function toMermaid(workspace: Workspace, plan: EffectivePlan, float: FloatAnalysis, items: EffectiveItem[]): string {
  const dated = items.filter((item) => item.due !== undefined);
  const taskIds = mermaidIds(dated);
  const sections = new Map<string, EffectiveItem[]>();
  for (const item of dated) {
    const section = item.kind === 'feature' ? 'Features' : item.level !== undefined ? `Level ${item.level}` : 'Milestones';
    const list = sections.get(section) ?? [];
    list.push(item);
    sections.set(section, list);
  }
  const title = workspace.allFiles().map((file) => file.top.get('document')?.value).find((value) => typeof value === 'string');
  const out = ['gantt', `  title ${mermaidName(typeof title === 'string' ? title : 'Milestones')}`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m'];
  const order = [...sections.keys()].sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b, 'en', { numeric: true }));
  for (const section of order) {
    out.push(`  section ${section}`);
    for (const item of sections.get(section)!) {
      const tags = [item.status === 'completed' ? 'done' : isCritical(float, item.id) ? 'crit' : undefined].filter(Boolean);
      const known = [...new Set(item.predecessors)].filter((id) => taskIds.has(id));
      const only = known.length === 1 ? plan.item(known[0]!) : undefined;
      const name = `${item.id} ${mermaidName(item.name ?? '')}`;
      // One predecessor due no later: a bar from it to the item's due date; else a marker on the due date.
      if (only?.due !== undefined && only.due <= item.due!) {
        out.push(`    ${name} :${[...tags, taskIds.get(item.id)].join(', ')}, after ${taskIds.get(only.id)}, ${item.due}`);
      } else {
        out.push(`    ${name} :${['milestone', ...tags, taskIds.get(item.id)].join(', ')}, ${item.due}, 0d`);
      }
    }
  }
  out.push('');
  return out.join('\n');
}

/** Levels in order, then milestones without a level, then features. */
function rankOf(section: string): number {
  return section.startsWith('Level ') ? 0 : section === 'Milestones' ? 1 : 2;
}
