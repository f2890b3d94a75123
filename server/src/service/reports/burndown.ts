// The burndown of a plan for the command line: the series (common/burndownSeries.ts) of the
// workspace's milestones and features, given as CSV rows or an SVG chart. Its items are read from
// the plan snapshot exactly as the Burndown view reads them, so the two draw the same months.
import { burndownItemsOf, burndownSeries } from '../../../../common/burndownSeries';
import { planSnapshot } from '../features/snapshot';
import { csvTable } from '../text/tables';
import { svgStart } from './svgChart';
import type { Workspace } from '../workspace';

export interface BurndownRow {
  /** The first of a month, YYYY-MM-01. */
  date: string;
  baseline: number;
  forecast: number;
  /** Undefined after asOf: what is achieved then is not known yet. */
  achieved: number | undefined;
}

export interface Burndown {
  asOf: string;
  /** The items counted (those with a valid due date, whose ID starts with one of the prefixes). */
  items: number;
  rows: BurndownRow[];
}

/** Items whose ID starts with one of `prefixes` (every item when there are none), with a valid due date. */
export function burndown(workspace: Workspace, prefixes: readonly string[]): Burndown {
  const snapshot = planSnapshot(workspace);
  const series = burndownSeries(burndownItemsOf(snapshot), snapshot.asOf, { prefixes });
  return { asOf: series.asOf, items: series.items, rows: series.points.map(({ date, baseline, forecast, achieved }) => ({ date, baseline, forecast, achieved })) };
}

export function burndownCsv(chart: Burndown): string {
  return csvTable(['date', 'baseline', 'forecast', 'achieved'], chart.rows.map((row) => [row.date, row.baseline, row.forecast, row.achieved ?? null]));
}

const lines = [
  { key: 'baseline', label: 'baseline (due)', colour: '#8c8c8c', dash: '6 4' },
  { key: 'forecast', label: 'forecast', colour: '#d97706', dash: '' },
  { key: 'achieved', label: 'achieved (completed)', colour: '#2563eb', dash: '' },
] as const;

/** A standalone SVG line chart of the burndown: the three lines, a year axis, counts, the asOf line and a legend. */
export function burndownSvg(chart: Burndown, title: string): string {
  const width = 800;
  const height = 400;
  const left = 48;
  const right = 16;
  const top = 40;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const { rows } = chart;
  const most = Math.max(1, ...rows.map((row) => Math.max(row.baseline, row.forecast, row.achieved ?? 0)));
  const x = (position: number) => left + (rows.length <= 1 ? 0 : (position / (rows.length - 1)) * plotWidth);
  const y = (count: number) => top + plotHeight - (count / most) * plotHeight;
  const round = (value: number) => Math.round(value * 10) / 10;
  const out: string[] = [
    ...svgStart(width, height, title, left),
    `<line x1="${left}" y1="${top + plotHeight}" x2="${width - right}" y2="${top + plotHeight}" stroke="#444"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#444"/>`,
  ];
  const step = Math.max(1, Math.ceil(most / 5));
  for (let count = 0; count <= most; count += step) out.push(`<text x="${left - 6}" y="${round(y(count)) + 4}" text-anchor="end">${count}</text>`);
  rows.forEach((row, position) => {
    if (row.date.slice(5, 7) === '01' || position === 0) out.push(`<text x="${round(x(position))}" y="${top + plotHeight + 16}" text-anchor="middle">${row.date.slice(0, 4)}</text>`);
  });
  const asOfPosition = rows.findIndex((row) => row.date > chart.asOf);
  if (asOfPosition > 0) {
    const before = rows[asOfPosition - 1]!.date;
    const span = Date.parse(rows[asOfPosition]!.date) - Date.parse(before);
    const at = x(asOfPosition - 1 + (Date.parse(chart.asOf) - Date.parse(before)) / span);
    out.push(`<line x1="${round(at)}" y1="${top}" x2="${round(at)}" y2="${top + plotHeight}" stroke="#dc2626" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${round(at) + 4}" y="${top + 12}" fill="#dc2626">as of ${chart.asOf}</text>`);
  }
  for (const line of lines) {
    const points = rows.flatMap((row, position) => (row[line.key] === undefined ? [] : [`${round(x(position))},${round(y(row[line.key]!))}`]));
    if (points.length === 0) continue;
    out.push(`<polyline data-line="${line.key}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''} points="${points.join(' ')}"/>`);
  }
  lines.forEach((line, position) => {
    const at = width - right - 170;
    const row = top + 8 + position * 16;
    out.push(`<line x1="${at}" y1="${row}" x2="${at + 20}" y2="${row}" stroke="${line.colour}" stroke-width="2"${line.dash ? ` stroke-dasharray="${line.dash}"` : ''}/>`);
    out.push(`<text x="${at + 26}" y="${row + 4}">${line.label}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
