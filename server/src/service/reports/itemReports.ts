// The lists Rubin's milestone tooling prints for a plan's status: the items still open whose due
// date has passed (delayed: status `overdue`, the items the `overdue` rule reports), and every item
// not yet completed (remaining), as of the plan's asOf, in due-date order, as text, Markdown or CSV,
// with the dates of the effective plan.
import type { EffectiveItem } from '../model/effectivePlan';
import { byDueThenId, isCompleted } from '../model/itemState';
import { daysBetween } from '../text/dates';
import { csvTable, markdownTable, textTable, type Cell } from '../text/tables';
import type { Workspace } from '../workspace';

export type ReportKind = 'delayed' | 'remaining';
export type ReportFormat = 'text' | 'md' | 'csv';

export interface ItemReport {
  /** The date the report is judged against: the setting, else the plans' latest `asOf`, else today. */
  asOf: string;
  items: EffectiveItem[];
  text: string;
}

/** Delayed: not completed and due before `asOf` (the items `overdue` reports). Remaining: not completed. */
export function itemReport(workspace: Workspace, kind: ReportKind, format: ReportFormat): ItemReport {
  const { plan } = workspace.analyze();
  const items = [...plan.milestones(), ...plan.features()].filter((item) => (kind === 'delayed' ? item.status === 'overdue' : !isCompleted(item))).sort(byDueThenId);
  const header = ['id', 'kind', 'name', 'due', 'forecast', ...(kind === 'delayed' ? ['days late'] : [])];
  const rows: Cell[][] = items.map((item) => [
    item.id,
    item.kind,
    item.name ?? '',
    item.due ?? null,
    item.forecast ?? null,
    ...(kind === 'delayed' ? [daysBetween(item.due!, item.asOf)] : []),
  ]);
  const text = format === 'csv' ? csvTable(header, rows) : format === 'md' ? markdownTable(header, rows) : textTable(header, rows);
  return { asOf: workspace.planAsOf(), items, text };
}
