// The Trend view: the milestone trend analysis chart of the plan's history in git — the report
// date across, each item's expected date up, one line per item ending on the diagonal where it is
// achieved; filters by ID prefix, level and file, the steps (month, tag, commit), the commit and
// change behind a hovered point, export.
import { trendSeries, trendSteps, type TrendEvery, type TrendHistory, type TrendLine, type TrendPoint, type TrendSeries } from '../../common/trendSeries';
import { makeAxis } from './axis';
import { clear, html, svg, text } from './dom';
import { exportButtons, postChartImage } from './exportImage';
import type { Host } from './host';
import { ItemFilters, readFilterState, type FilterState } from './itemFilters';
import { dayMs } from './model';

const size = { width: 640, height: 500, left: 64, top: 24, plot: 420, bottom: 56 };
/** Beyond this many lines the chart would be a blur and slow to draw: the first ones (by expected date) are drawn. */
export const maxLines = 400;
/** Up to this many lines, each is labelled with its ID at its end. */
const maxLabels = 40;
const palette = 10;

const stepNames: Record<TrendEvery, string> = { month: 'Every month', tag: 'Every tag', commit: 'Every commit' };

/** The steps kept in the view's state with its filters. */
function readSteps(value: unknown): TrendEvery {
  const every = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).every : undefined;
  return trendSteps.includes(every as TrendEvery) ? (every as TrendEvery) : 'month';
}

export class Trend {
  private history: TrendHistory | undefined;
  private every: TrendEvery;
  private filterState: FilterState;
  private readonly filters: ItemFilters;
  private readonly stepsSelect: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly chart: SVGSVGElement;
  private readonly details: HTMLElement;
  private series: TrendSeries | undefined;

  constructor(
    root: HTMLElement,
    private readonly host: Host,
  ) {
    const kept = host.getState();
    this.filterState = readFilterState(kept);
    this.every = readSteps(kept);
    root.classList.add('trend');
    const toolbar = html('header', { class: 'toolbar' }, root);
    const group = html('div', { class: 'toolbar-group' }, toolbar);
    this.filters = new ItemFilters(
      group,
      this.filterState,
      (state) => {
        this.filterState = state;
        this.keepState();
        this.draw();
      },
      'Draw only items whose ID starts with',
    );
    this.stepsSelect = html('select', { class: 'steps', 'aria-label': 'Steps' }, group);
    for (const every of trendSteps) text(html('option', { value: every }, this.stepsSelect), stepNames[every]);
    this.stepsSelect.value = this.every;
    this.stepsSelect.addEventListener('change', () => {
      this.every = readSteps({ every: this.stepsSelect.value });
      this.keepState();
      this.summary.textContent = `Reading the history ${stepNames[this.every].toLowerCase()}…`;
      this.host.postMessage({ type: 'trendSteps', every: this.every });
    });
    exportButtons(toolbar, (format) => void this.export(format));
    this.status = html('div', { class: 'status', role: 'status' }, root);
    this.status.hidden = true;
    this.summary = html('div', { class: 'summary' }, root);
    text(this.summary, 'Reading the history from git…');
    // The chart, and beside it what is behind the point under the pointer.
    const body = html('div', { class: 'trend-body' }, root);
    this.chart = svg('svg', { class: 'trend-chart', width: size.width, height: size.height, viewBox: `0 0 ${size.width} ${size.height}`, role: 'img', 'aria-label': 'Milestone trend chart' }, html('div', { class: 'burndown-viewport' }, body));
    this.details = html('section', { class: 'point-items', 'aria-live': 'polite' }, body);
  }

  /** The steps the page wants: asked of the extension when it is ready, if they are not the default. */
  get steps(): TrendEvery {
    return this.every;
  }

  setStatus(message: string | null): void {
    this.status.hidden = message === null;
    this.status.textContent = message ?? '';
  }

  setTrend(every: TrendEvery, history: TrendHistory | null, reason: string | null): void {
    // An answer for other steps than those chosen since is on its way out.
    if (every !== this.every) return;
    this.history = history ?? undefined;
    if (history) {
      const items = history.items;
      this.filters.fillChoices(
        items.flatMap((item) => (item.kind === 'milestone' && item.level !== undefined ? [item.level] : [])),
        items.flatMap((item) => (item.file === undefined ? [] : [item.file])),
      );
    }
    this.draw(reason);
  }

  private keepState(): void {
    this.host.setState({ ...this.filterState, every: this.every });
  }

  private draw(reason: string | null = null): void {
    clear(this.chart);
    clear(this.details);
    svg('rect', { class: 'chart-bg', x: 0, y: 0, width: size.width, height: size.height }, this.chart);
    const history = this.history;
    if (!history) {
      this.series = undefined;
      this.summary.textContent = reason ?? 'No history.';
      return;
    }
    const series = trendSeries(history, this.filters.filters);
    this.series = series;
    const lines = series.lines.slice(0, maxLines);
    const steps = series.steps;
    const span = steps.length === 0 ? 'no commit' : `${steps.length} step${steps.length === 1 ? '' : 's'} (${stepNames[this.every].toLowerCase()}) from ${steps[0]!.date} to ${steps.at(-1)!.date}`;
    const shown = series.lines.length > lines.length ? ` · the first ${lines.length} drawn: choose a prefix or a level to see the others` : '';
    this.summary.textContent = `${series.lines.length} item${series.lines.length === 1 ? '' : 's'} over ${span}${shown}`;
    if (series.first === undefined || series.last === undefined || lines.length === 0) {
      text(svg('text', { class: 'empty-text', x: size.width / 2, y: size.height / 2, 'text-anchor': 'middle' }, this.chart), 'No item with an expected date matches the filters.');
      return;
    }
    // One scale for both axes, from the first of the month of the earliest date to past the last, so that the diagonal is at 45°.
    const start = Date.UTC(Number(series.first.slice(0, 4)), Number(series.first.slice(5, 7)) - 1, 1);
    const lastDate = Date.parse(series.last);
    const end = Date.UTC(new Date(lastDate).getUTCFullYear(), new Date(lastDate).getUTCMonth() + 1, 1);
    const axis = makeAxis([start, end], size.plot / ((end - start) / dayMs), size.plot);
    const round = (value: number) => Math.round(value * 10) / 10;
    const x = (date: string) => round(size.left + axis.scale(new Date(Date.parse(date))));
    const y = (date: string) => round(size.top + size.plot - axis.scale(new Date(Date.parse(date))));
    const bottom = size.top + size.plot;
    for (const tick of [...axis.major, ...axis.minor]) {
      if (tick.x < 0 || tick.x > size.plot) continue;
      const minor = !axis.major.includes(tick);
      // A quarter or month that falls on a year's tick is labelled by the year.
      if (minor && axis.major.some((major) => Math.abs(major.x - tick.x) < 1)) continue;
      const kind = minor ? 'minor' : 'major';
      svg('line', { class: `grid-${kind}`, x1: round(size.left + tick.x), x2: round(size.left + tick.x), y1: size.top, y2: bottom }, this.chart);
      svg('line', { class: `grid-${kind}`, x1: size.left, x2: size.left + size.plot, y1: round(bottom - tick.x), y2: round(bottom - tick.x) }, this.chart);
      text(svg('text', { class: `tick-label-${kind}`, x: round(size.left + tick.x), y: bottom + 16, 'text-anchor': 'middle' }, this.chart), tick.label);
      text(svg('text', { class: `tick-label-${kind}`, x: size.left - 8, y: round(bottom - tick.x) + 4, 'text-anchor': 'end' }, this.chart), tick.label);
    }
    svg('line', { class: 'axis-line', x1: size.left, x2: size.left + size.plot, y1: bottom, y2: bottom }, this.chart);
    svg('line', { class: 'axis-line', x1: size.left, x2: size.left, y1: size.top, y2: bottom }, this.chart);
    text(svg('text', { class: 'axis-title', x: size.left + size.plot / 2, y: bottom + 36, 'text-anchor': 'middle' }, this.chart), 'Report date (the commit)');
    text(svg('text', { class: 'axis-title', x: 16, y: size.top + size.plot / 2, 'text-anchor': 'middle', transform: `rotate(-90 16 ${size.top + size.plot / 2})` }, this.chart), 'Expected date');
    svg('line', { class: 'diagonal', x1: size.left, y1: bottom, x2: size.left + size.plot, y2: size.top }, this.chart);
    lines.forEach((line, index) => {
      const group = svg('g', { class: `trend-line colour-${index % palette}`, 'data-id': line.id }, this.chart);
      svg('polyline', { class: 'line', points: line.points.map((point) => `${x(point.date)},${y(point.expected)}`).join(' ') }, group);
      for (const point of line.points) {
        const attributes = { tabindex: 0, 'data-step': point.step, 'data-expected': point.expected, 'data-date': point.date };
        const mark = point.achieved
          ? svg('rect', { class: 'point achieved', x: x(point.date) - 4, y: y(point.expected) - 4, width: 8, height: 8, transform: `rotate(45 ${x(point.date)} ${y(point.expected)})`, ...attributes }, group)
          : svg('circle', { class: 'point', cx: x(point.date), cy: y(point.expected), r: 3.5, ...attributes }, group);
        const show = () => this.showPoint(line, point);
        mark.addEventListener('mouseenter', show);
        mark.addEventListener('focus', show);
      }
      if (lines.length <= maxLabels) {
        const last = line.points.at(-1)!;
        text(svg('text', { class: 'line-label', x: x(last.date) + 8, y: y(last.expected) + 4 }, group), line.id);
      }
    });
  }

  /** What is behind a point: the item, the commit it was read at, the expected date and the change since the step before. */
  private showPoint(line: TrendLine, point: TrendPoint): void {
    clear(this.details);
    const step = this.series?.steps[point.step];
    const heading = text(html('h2', {}, this.details), '');
    text(html('span', { class: 'id' }, heading), line.id);
    if (line.name) text(heading, ` ${line.name}`);
    if (step) {
      const commit = html('p', { class: 'commit' }, this.details);
      text(html('span', { class: 'hash' }, commit), step.commit);
      text(commit, ` · ${step.date}${step.tag ? ` · ${step.tag}` : ''} · ${step.subject}`);
    }
    const days = point.change;
    const change = days === null ? 'its first point' : days === 0 ? 'no change since the step before' : `${days > 0 ? '+' : '−'}${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} since the step before`;
    text(html('p', { class: 'expected' }, this.details), point.achieved ? `Achieved ${point.expected} · ${change}` : `Expected ${point.expected} · ${change}`);
  }

  private async export(format: 'svg' | 'png'): Promise<void> {
    if (this.series) await postChartImage(this.host, this.chart, format);
  }

}
