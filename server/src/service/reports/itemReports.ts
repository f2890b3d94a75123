// The lists Rubin's milestone tooling prints for a plan's status: the items still open whose due
// date has passed (delayed: status `overdue`, the items the `overdue` rule reports), and every item
// not yet completed (remaining), as of the plan's asOf, in due-date order; and the schedule
// analysis's lists (docs/schedule-analysis.md): each item's float, least first, and the critical
// chains. As text, Markdown, CSV or JSON, with the dates of the effective plan.
import type { EffectiveItem } from '../model/effectivePlan';
import type { FloatAnalysis } from '../model/float';
import { byDueThenId, isCompleted } from '../model/itemState';
import { daysBetween } from '../text/dates';
import { csvTable, markdownTable, textTable, type Cell } from '../text/tables';
import type { Workspace } from '../workspace';

export type ReportKind = 'delayed' | 'remaining' | 'float' | 'critical';
export type ReportFormat = 'text' | 'md' | 'csv' | 'json';

export interface ItemReport {
  /** The date the report is judged against: the setting, else the plans' latest `asOf`, else today. */
  asOf: string;
  items: EffectiveItem[];
  text: string;
}

export interface ReportOptions {
  /** float: only the items with at most this many days of float. */
  maxFloat?: number;
}

/** A column: its key in JSON, its heading elsewhere, its cell for an item. */
interface Column {
  key: string;
  label: string;
  cell: (item: EffectiveItem) => Cell | boolean;
}

/**
 * Delayed: not completed and due before `asOf` (the items `overdue` reports). Remaining: not
 * completed. Float: every item with float, least first (at most `maxFloat` days). Critical: the
 * critical chains, the plan's last milestone's first, each in expected-date order.
 */
export function itemReport(workspace: Workspace, kind: ReportKind, format: ReportFormat, options: ReportOptions = {}): ItemReport {
  const { plan, float } = workspace.analyze();
  const all = [...plan.milestones(), ...plan.features()];
  const common: Column[] = [
    { key: 'id', label: 'id', cell: (item) => item.id },
    { key: 'kind', label: 'kind', cell: (item) => item.kind },
    { key: 'name', label: 'name', cell: (item) => item.name ?? '' },
  ];
  let items: EffectiveItem[];
  let columns: Column[];
  if (kind === 'delayed' || kind === 'remaining') {
    items = all.filter((item) => (kind === 'delayed' ? item.status === 'overdue' : !isCompleted(item))).sort(byDueThenId);
    columns = [
      ...common,
      { key: 'due', label: 'due', cell: (item) => item.due ?? null },
      { key: 'forecast', label: 'forecast', cell: (item) => item.forecast ?? null },
      ...(kind === 'delayed' ? [{ key: 'daysLate', label: 'days late', cell: (item: EffectiveItem) => daysBetween(item.due!, item.asOf) }] : []),
    ];
  } else {
    const days = (item: EffectiveItem) => floatDays(float, item);
    if (kind === 'float') {
      items = all.filter((item) => days(item) !== undefined && (options.maxFloat === undefined || days(item)! <= options.maxFloat));
      items.sort((a, b) => days(a)! - days(b)! || byExpected(a, b));
    } else {
      items = criticalItems(float);
    }
    const answer = (item: EffectiveItem) => float.of(item.id);
    columns = [
      ...(kind === 'critical' ? [{ key: 'chain', label: 'chain', cell: (item: EffectiveItem) => limitOf(float, item) }] : []),
      ...common,
      { key: 'expected', label: 'expected', cell: (item) => item.expected?.date ?? null },
      { key: 'float', label: 'float', cell: (item) => days(item) ?? null },
      { key: 'late', label: 'late', cell: (item) => { const found = answer(item); return found.kind === 'float' ? found.late : null; } },
      ...(kind === 'float' ? [{ key: 'limitedBy', label: 'limited by', cell: (item: EffectiveItem) => limitOf(float, item) }] : []),
      { key: 'via', label: 'through', cell: (item) => { const via = float.via(item.id); return via !== undefined && via !== limitOf(float, item) ? via : null; } },
      ...(kind === 'float' ? [{ key: 'critical', label: 'critical', cell: (item: EffectiveItem) => { const found = answer(item); return found.kind === 'float' && found.critical; } }] : []),
    ];
  }
  return { asOf: workspace.planAsOf(), items, text: table(columns, items, format) };
}

function floatDays(float: FloatAnalysis, item: EffectiveItem): number | undefined {
  const answer = float.of(item.id);
  return answer.kind === 'float' ? answer.days : undefined;
}

function limitOf(float: FloatAnalysis, item: EffectiveItem): string | null {
  const answer = float.of(item.id);
  return answer.kind === 'float' ? answer.limitedBy : null;
}

function byExpected(a: EffectiveItem, b: EffectiveItem): number {
  const dateA = a.expected?.date ?? '';
  const dateB = b.expected?.date ?? '';
  return dateA < dateB ? -1 : dateA > dateB ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The critical chains one after another: the one that ends at the plan's last milestone first, then the others by the date of what limits them. */
function criticalItems(float: FloatAnalysis): EffectiveItem[] {
  const chains = float.criticalChains();
  const last = float.lastMilestone();
  const lastLimit = last && float.of(last.id);
  const first = lastLimit?.kind === 'float' ? lastLimit.limitedBy : undefined;
  const late = (limitedBy: string) => {
    const answer = float.of(limitedBy);
    return answer.kind === 'float' ? answer.late : '';
  };
  chains.sort((a, b) => Number(b.limitedBy === first) - Number(a.limitedBy === first) || (late(a.limitedBy) < late(b.limitedBy) ? -1 : late(a.limitedBy) > late(b.limitedBy) ? 1 : 0) || (a.limitedBy < b.limitedBy ? -1 : 1));
  return chains.flatMap(({ chain }) => chain);
}

function table(columns: readonly Column[], items: readonly EffectiveItem[], format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(items.map((item) => Object.fromEntries(columns.map((column) => [column.key, column.cell(item)]))), null, 2)}\n`;
  const header = columns.map((column) => column.label);
  const rows: Cell[][] = items.map((item) => columns.map((column) => {
    const cell = column.cell(item);
    return typeof cell === 'boolean' ? (cell ? 'yes' : '') : cell;
  }));
  return format === 'csv' ? csvTable(header, rows) : format === 'md' ? markdownTable(header, rows) : textTable(header, rows);
}
