// The Burndown view: an SVG line chart of the items remaining on the first of each month by the
// baseline, the forecast, as achieved and (with a baseline revision) by that revision's due dates;
// the asOf line; filters by ID prefix, level and file; the items behind a hovered point; export.
import { burndownItemsOf, burndownLines, burndownSeries, type BurndownItem, type BurndownLine, type BurndownPoint, type BurndownSeries } from '../../common/burndownSeries';
import type { PlanSnapshot } from '../../common/planSnapshot';
import { clear, html, svg, text } from './dom';
import { exportButtons, postChartImage } from './exportImage';
import type { Host } from './host';
import { ItemFilters, readFilterState } from './itemFilters';

export const lineLabels: Record<BurndownLine, string> = {
  baseline: 'Baseline (due)',
  forecast: 'Forecast',
  achieved: 'Achieved (completed)',
  revision: 'Baseline revision',
};

const size = { width: 880, height: 440, left: 52, right: 24, top: 24, bottom: 64 };

export class Burndown {
  private plan: PlanSnapshot | undefined;
  private items: BurndownItem[] = [];
  private names = new Map<string, string>();
  private readonly filters: ItemFilters;
  private readonly status: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly chart: SVGSVGElement;
  private readonly details: HTMLElement;
  private series: BurndownSeries | undefined;

  constructor(
    root: HTMLElement,
    private readonly host: Host,
  ) {
    root.classList.add('burndown');
    const toolbar = html('header', { class: 'toolbar' }, root);
    this.filters = new ItemFilters(
      html('div', { class: 'toolbar-group' }, toolbar),
      readFilterState(host.getState()),
      (state) => {
        this.host.setState(state);
        this.draw();
      },
      'Count only items whose ID starts with',
    );
    exportButtons(toolbar, (format) => void this.export(format));
    this.status = html('div', { class: 'status', role: 'status' }, root);
    this.status.hidden = true;
    this.summary = html('div', { class: 'summary' }, root);
    this.chart = svg('svg', { class: 'burndown-chart', width: size.width, height: size.height, viewBox: `0 0 ${size.width} ${size.height}`, role: 'img', 'aria-label': 'Burndown chart' }, html('div', { class: 'burndown-viewport' }, root));
    this.details = html('section', { class: 'point-items', 'aria-live': 'polite' }, root);
  }

  setStatus(message: string | null): void {
    this.status.hidden = message === null;
    this.status.textContent = message ?? '';
  }

  setPlan(plan: PlanSnapshot): void {
    this.plan = plan;
    this.items = burndownItemsOf(plan);
    this.names = new Map([...plan.milestones.map((item) => [item.id, item.name] as const), ...Object.values(plan.features).map((item) => [item.id, item.name] as const)]);
    this.filters.fillChoices(
      this.items.flatMap((item) => (item.level === undefined ? [] : [item.level])),
      this.items.flatMap((item) => (item.file === undefined ? [] : [item.file])),
    );
    this.draw();
  }

  private draw(): void {
    clear(this.chart);
    clear(this.details);
    if (!this.plan) return;
    const series = burndownSeries(this.items, this.plan.asOf, this.filters.filters);
    this.series = series;
    this.summary.textContent = `${series.items} item${series.items === 1 ? '' : 's'} counted · as of ${series.asOf}${this.plan.baseline && series.hasRevision ? ` · baseline ${this.plan.baseline.revision} (${this.plan.baseline.commit})` : ''}`;
    svg('rect', { class: 'chart-bg', x: 0, y: 0, width: size.width, height: size.height }, this.chart);
    const { points } = series;
    if (points.length === 0) {
      text(svg('text', { class: 'empty-text', x: size.width / 2, y: size.height / 2, 'text-anchor': 'middle' }, this.chart), 'No item with a due date matches the filters.');
      return;
    }
    const plotWidth = size.width - size.left - size.right;
    const plotHeight = size.height - size.top - size.bottom;
    const most = Math.max(1, ...points.map((point) => Math.max(point.baseline, point.forecast, point.achieved ?? 0, point.revision ?? 0)));
    const x = (position: number) => size.left + (points.length <= 1 ? 0 : (position / (points.length - 1)) * plotWidth);
    const y = (count: number) => size.top + plotHeight - (count / most) * plotHeight;
    const round = (value: number) => Math.round(value * 10) / 10;
    const step = Math.max(1, Math.ceil(most / 5));
    for (let count = 0; count <= most; count += step) {
      svg('line', { class: 'grid-major', x1: size.left, x2: size.width - size.right, y1: round(y(count)), y2: round(y(count)) }, this.chart);
      text(svg('text', { class: 'tick-label-minor', x: size.left - 6, y: round(y(count)) + 4, 'text-anchor': 'end' }, this.chart), String(count));
    }
    points.forEach((point, position) => {
      // The first point is labelled with its year unless a January follows too closely.
      const first = position === 0 && !points.slice(1, 4).some((next) => next.date.slice(5, 7) === '01');
      if (point.date.slice(5, 7) === '01' || first) text(svg('text', { class: 'tick-label-major', x: round(x(position)), y: size.top + plotHeight + 18, 'text-anchor': 'middle' }, this.chart), point.date.slice(0, 4));
    });
    svg('line', { class: 'axis-line', x1: size.left, x2: size.width - size.right, y1: size.top + plotHeight, y2: size.top + plotHeight }, this.chart);
    svg('line', { class: 'axis-line', x1: size.left, x2: size.left, y1: size.top, y2: size.top + plotHeight }, this.chart);
    // asOf between the two points around it, in proportion to the days.
    const after = points.findIndex((point) => point.date > series.asOf);
    if (after > 0) {
      const before = points[after - 1]!.date;
      const at = x(after - 1 + (Date.parse(series.asOf) - Date.parse(before)) / (Date.parse(points[after]!.date) - Date.parse(before)));
      svg('line', { class: 'asof-line', x1: round(at), x2: round(at), y1: size.top, y2: size.top + plotHeight }, this.chart);
      text(svg('text', { class: 'asof-label', x: round(at) + 4, y: size.top + 12 }, this.chart), `as of ${series.asOf}`);
    }
    const shown = burndownLines.filter((line) => line !== 'revision' || series.hasRevision);
    for (const line of shown) {
      const at = points.flatMap((point, position) => (point[line] === undefined ? [] : [{ point, position, count: point[line] }]));
      if (at.length === 0) continue;
      const group = svg('g', { class: `series line-${line}`, 'data-line': line }, this.chart);
      svg('polyline', { class: 'line', points: at.map(({ position, count }) => `${round(x(position))},${round(y(count))}`).join(' ') }, group);
      for (const { point, position, count } of at) {
        const dot = svg('circle', { class: 'point', cx: round(x(position)), cy: round(y(count)), r: 3.5, tabindex: 0, 'data-date': point.date, 'data-count': count }, group);
        const show = () => this.showPoint(line, point);
        dot.addEventListener('mouseenter', show);
        dot.addEventListener('focus', show);
      }
    }
    // The legend in a row under the axis, clear of the lines and the asOf label.
    shown.forEach((line, position) => {
      const legend = svg('g', { class: `legend line-${line}` }, this.chart);
      const left = size.left + position * 190;
      const top = size.height - 14;
      svg('line', { class: 'line', x1: left, x2: left + 22, y1: top, y2: top }, legend);
      text(svg('text', { class: 'legend-text', x: left + 28, y: top + 4 }, legend), lineLabels[line]);
    });
  }

  /** Lists the items behind a point: those the line took off in the month before it. */
  private showPoint(line: BurndownLine, point: BurndownPoint): void {
    clear(this.details);
    const count = point[line] ?? 0;
    text(html('h2', {}, this.details), `${lineLabels[line]} · ${point.date}: ${count} remaining`);
    const ids = point.items[line];
    if (ids.length === 0) {
      text(html('p', { class: 'none' }, this.details), 'No item came down in the month before.');
      return;
    }
    text(html('p', {}, this.details), `${ids.length} came down in the month before:`);
    const list = html('ul', { class: 'items' }, this.details);
    for (const id of ids) {
      const entry = html('li', { 'data-id': id }, list);
      text(html('span', { class: 'id' }, entry), id);
      const name = this.names.get(id);
      if (name) text(entry, ` ${name}`);
    }
  }

  private async export(format: 'svg' | 'png'): Promise<void> {
    if (this.series) await postChartImage(this.host, this.chart, format);
  }

}
