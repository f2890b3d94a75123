// The milestone trend of a plan's history for the command line: the series (common/trendSeries.ts)
// as CSV rows, JSON, or an SVG chart (report date across, expected date up, the diagonal where a
// line ends when its item is achieved); and the slip report in the shape of Rubin's monthly one.
import type { TrendSeries } from '../../../../common/trendSeries';
import { signedDays } from '../history/planDiff';
import { daysBetween } from '../text/dates';
import { csvTable, markdownTable, textTable, type Cell } from '../text/tables';
import { escapeXml, svgStart } from './svgChart';

/** One row per point: the step's date and commit, the item, its expected date, the change since the point before, and whether it is achieved there. */
export function trendCsv(series: TrendSeries): string {
  const rows: Cell[][] = [];
  for (const line of series.lines) {
    for (const point of line.points) {
      const step = series.steps[point.step]!;
      rows.push([step.date, step.commit, line.id, point.expected, signedDays(point.change), point.achieved ? 'yes' : null]);
    }
  }
  return csvTable(['date', 'commit', 'id', 'expected', 'change', 'achieved'], rows);
}

export function trendJson(series: TrendSeries): string {
  return `${JSON.stringify(series, null, 2)}\n`;
}

/** Line colours, taken in turn. */
const palette = ['#2563eb', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#65a30d', '#db2777', '#4b5563', '#b45309'];

/** A standalone SVG of the trend: a square of dates on both axes, the diagonal, a line per item, labelled at its end. */
export function trendSvg(series: TrendSeries, title: string): string {
  const plot = 520;
  const left = 72;
  const top = 40;
  const right = 150;
  const bottom = 48;
  const width = left + plot + right;
  const height = top + plot + bottom;
  const out = svgStart(width, height, title, left);
  if (series.first === undefined || series.last === undefined) {
    out.push(`<text x="${width / 2}" y="${height / 2}" text-anchor="middle" fill="#666">No item with an expected date matches.</text>`, '</svg>');
    return out.join('\n') + '\n';
  }
  const from = Date.UTC(Number(series.first.slice(0, 4)), 0, 1);
  const to = Date.UTC(Number(series.last.slice(0, 4)) + 1, 0, 1);
  const round = (value: number) => Math.round(value * 10) / 10;
  const scale = (date: string) => ((Date.parse(date) - from) / (to - from)) * plot;
  const x = (date: string) => round(left + scale(date));
  const y = (date: string) => round(top + plot - scale(date));
  out.push(`<line x1="${left}" y1="${top + plot}" x2="${left + plot}" y2="${top + plot}" stroke="#444"/>`, `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plot}" stroke="#444"/>`);
  for (let year = Number(series.first.slice(0, 4)); year <= Number(series.last.slice(0, 4)) + 1; year++) {
    const date = `${year}-01-01`;
    out.push(`<line x1="${x(date)}" y1="${top}" x2="${x(date)}" y2="${top + plot}" stroke="#e5e7eb"/>`, `<line x1="${left}" y1="${y(date)}" x2="${left + plot}" y2="${y(date)}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${x(date)}" y="${top + plot + 16}" text-anchor="middle">${year}</text>`, `<text x="${left - 6}" y="${y(date) + 4}" text-anchor="end">${year}</text>`);
  }
  out.push(`<text x="${left + plot / 2}" y="${height - 8}" text-anchor="middle">report date</text>`);
  out.push(`<text x="16" y="${top + plot / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + plot / 2})">expected date</text>`);
  out.push(`<line data-line="diagonal" x1="${left}" y1="${top + plot}" x2="${left + plot}" y2="${top}" stroke="#9ca3af" stroke-dasharray="4 4"/>`);
  series.lines.forEach((line, index) => {
    const colour = palette[index % palette.length]!;
    const points = line.points.map((point) => `${x(point.date)},${y(point.expected)}`).join(' ');
    out.push(`<g data-id="${escapeXml(line.id)}" fill="${colour}" stroke="${colour}">`);
    out.push(`<polyline fill="none" stroke-width="2" points="${points}"/>`);
    for (const point of line.points) {
      out.push(point.achieved ? `<rect x="${x(point.date) - 4}" y="${y(point.expected) - 4}" width="8" height="8" transform="rotate(45 ${x(point.date)} ${y(point.expected)})"/>` : `<circle cx="${x(point.date)}" cy="${y(point.expected)}" r="3"/>`);
    }
    const last = line.points.at(-1)!;
    out.push(`<text x="${x(last.date) + 7}" y="${y(last.expected) + 4}" stroke="none">${escapeXml(line.id)}</text>`, '</g>');
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

export type SlipFormat = 'text' | 'md' | 'csv';

export interface SlipRow {
  id: string;
  name: string;
  /** The expected date at the last step. */
  forecast: string;
  /** At the step before, and `steps` steps before; null where the item was not in the plan with a date. */
  previous: string | null;
  earlier: string | null;
}

/**
 * Rubin's slip report: each item open at the last step, with its expected date then, at the step
 * before and `steps` steps before, in order of its expected date (then ID).
 */
export function slipRows(series: TrendSeries, steps: number): SlipRow[] {
  const last = series.steps.length - 1;
  const at = (points: TrendSeries['lines'][number]['points'], step: number) => points.find((point) => point.step === step && !point.achieved)?.expected ?? null;
  return series.lines
    .flatMap((line) => {
      const forecast = at(line.points, last);
      return forecast === null ? [] : [{ id: line.id, name: line.name, forecast, previous: at(line.points, last - 1), earlier: at(line.points, last - steps) }];
    })
    .sort((a, b) => (a.forecast < b.forecast ? -1 : a.forecast > b.forecast ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The rows as a table; `earlierLabel` names the column of `steps` steps before (`3 months ago`). */
export function formatSlip(rows: readonly SlipRow[], earlierLabel: string, format: SlipFormat): string {
  const change = (from: string | null, to: string) => signedDays(from === null ? null : daysBetween(from, to));
  const header = ['id', 'name', 'forecast', 'previous', 'change', earlierLabel, 'change'];
  const cells: Cell[][] = rows.map((row) => [row.id, row.name, row.forecast, row.previous, change(row.previous, row.forecast), row.earlier, change(row.earlier, row.forecast)]);
  return format === 'csv' ? csvTable(header, cells) : format === 'md' ? markdownTable(header, cells) : textTable(header, cells);
}
