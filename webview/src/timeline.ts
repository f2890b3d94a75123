// The timeline: holds the plan and the view's state (zoom, scroll, folding, filters, highlight),
// and draws them with the chart, the toolbar and the summary line. The state is kept by the host
// through getState()/setState(), so a hidden or reloaded timeline comes back as it was.
import type { TimelineDefaults } from '../../common/timelineMessages';
import type { Host } from './host';
import type { ItemState, PlanSnapshot } from '../../common/planSnapshot';
import { clampZoom, makeAxis } from './axis';
import { Chart, layout, type RenderedRow } from './chart';
import { html } from './dom';
import { exportPng, exportSvg } from './exportImage';
import { MarkerMove } from './markerMove';
import { wireKeys, wirePointer, zoomStep, type ChartControls } from './interaction';
import { arrowsByDefaultUpTo, buildGroups, criticalCount, dayMs, drivingPath, itemStates, linkCount, parseDay, rowsById, timeExtent, visibleRows, type Group, type Row } from './model';
import { Toolbar } from './toolbar';
import { Tooltip } from './tooltip';
import { readViewState, type ViewState } from './viewState';

export class Timeline implements ChartControls {
  private readonly state: ViewState;
  private plan: PlanSnapshot | null = null;
  private groups: Group[] = [];
  private byId = new Map<string, Row>();
  private links = 0;
  private asOf: number | null = null;
  private extent: [number, number] = [0, 1];
  private highlighted: string | null = null;
  readonly chart: Chart;
  readonly tooltip: Tooltip;
  readonly move: MarkerMove;
  private readonly toolbar: Toolbar;
  private readonly summary: HTMLElement;
  private readonly status: HTMLElement;
  private firstRender = true;
  /** The settings' defaults, applied to the first plan of a timeline that has no kept state. */
  private defaults: TimelineDefaults | null = null;
  private readonly fresh: boolean;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: Host,
  ) {
    const stored = host.getState();
    this.fresh = stored === undefined || stored === null;
    this.state = readViewState(stored);
    this.toolbar = new Toolbar(root, this.state.text, {
      filterChanged: (text) => {
        this.state.text = text;
        this.update();
      },
      stateToggled: (state) => this.toggleState(state),
      expandAll: () => {
        this.state.collapsed = [];
        this.update();
      },
      collapseAll: () => {
        this.state.collapsed = this.foldableKeys();
        this.update();
      },
      zoomIn: () => this.zoomBy(zoomStep),
      zoomOut: () => this.zoomBy(1 / zoomStep),
      fit: () => this.resetZoom(),
      exportImage: (format) => void this.export(format),
      arrowsToggled: () => {
        this.state.arrows = !this.arrowsOn();
        this.update();
      },
      criticalToggled: () => {
        this.state.criticalOnly = !this.state.criticalOnly;
        this.update();
      },
    });
    this.status = html('div', { class: 'status', role: 'status', hidden: '' }, root);
    this.summary = html('div', { class: 'summary' }, root);
    this.chart = new Chart(root);
    this.tooltip = new Tooltip(root);
    this.move = new MarkerMove(this.chart, (row, days) => this.host.postMessage({ type: 'move', id: row.id, days }));
    wirePointer(this);
    wireKeys(this, this.toolbar.filterInput);
    window.addEventListener('resize', () => {
      if (this.state.zoom === null && this.plan) this.update();
    });
  }

  /** Shows why the plan may be out of date, and dims the chart, until `message` is null. */
  setStatus(message: string | null): void {
    this.status.textContent = message ?? '';
    this.status.toggleAttribute('hidden', message === null);
    this.root.classList.toggle('stale', message !== null);
  }

  setDefaults(defaults: TimelineDefaults): void {
    if (this.fresh && this.firstRender) this.defaults = defaults;
  }

  setPlan(plan: PlanSnapshot): void {
    this.plan = plan;
    this.groups = buildGroups(plan);
    this.byId = rowsById(this.groups);
    this.links = linkCount(this.byId);
    this.asOf = parseDay(plan.asOf);
    this.extent = timeExtent(this.groups, this.asOf);
    if (this.firstRender && this.defaults) this.applyDefaults(this.defaults);
    this.update();
    if (this.firstRender) {
      this.firstRender = false;
      this.chart.viewport.scrollLeft = this.state.scrollLeft;
      this.chart.viewport.scrollTop = this.state.scrollTop;
    }
  }

  setHighlight(id: string | null): void {
    this.highlighted = id;
    const rows = this.applyHighlight();
    if (rows.length > 0) this.scrollIntoView(rows[0]!);
  }

  /** Arrows as chosen, else on while the plan has no more than a few thousand links. */
  private arrowsOn(): boolean {
    return this.state.arrows ?? this.links <= arrowsByDefaultUpTo;
  }

  private toggleState(state: ItemState): void {
    const shown = new Set(this.state.states);
    if (shown.has(state)) shown.delete(state);
    else shown.add(state);
    this.state.states = itemStates.filter((known) => shown.has(known));
    this.update();
  }

  private applyDefaults(defaults: TimelineDefaults): void {
    if (defaults.collapseFeatures) this.state.collapsed = this.foldableKeys();
    if (defaults.zoom !== 100) this.state.zoom = clampZoom((this.fitZoom() * defaults.zoom) / 100);
  }

  /** The milestones that have feature rows to fold. */
  private foldableKeys(): string[] {
    return this.groups.filter((group) => group.features.length > 0).map((group) => group.milestone.key);
  }

  /** Pixels per day that fit the whole plan into the visible width. */
  private fitZoom(): number {
    const width = Math.max(200, this.chart.viewport.clientWidth - layout.labelWidth - 2);
    return clampZoom(width / ((this.extent[1] - this.extent[0]) / dayMs));
  }

  private zoom(): number {
    return this.state.zoom ?? this.fitZoom();
  }

  private update(): void {
    this.save();
    const shown = new Set(this.state.states);
    if (!this.plan) {
      this.toolbar.showStates(shown);
      return;
    }
    // Each item counted once: a feature listed by two milestones has two rows.
    const counts: Record<ItemState, number> = { completed: 0, open: 0, overdue: 0, inconsistent: 0, unknown: 0 };
    const features = new Set<string>();
    for (const group of this.groups) {
      counts[group.milestone.state]++;
      for (const row of group.features) {
        if (features.has(row.id)) continue;
        features.add(row.id);
        counts[row.defined ? (this.plan.features[row.id]?.state ?? row.state) : 'unknown']++;
      }
    }
    this.toolbar.showStates(shown, counts);

    const rows = visibleRows(this.groups, { text: this.state.text, states: this.state.states }, new Set(this.state.collapsed));
    const pixelsPerDay = this.zoom();
    const axis = makeAxis(this.extent, pixelsPerDay, Math.max(0, this.chart.viewport.clientWidth - layout.labelWidth - 2));
    const emptyMessage = this.groups.length === 0 ? 'The plan has no milestones yet.' : rows.length === 0 ? 'No milestone or feature matches the filter.' : null;
    // A redraw takes the marker being moved away: the move is given up.
    this.move.cancel();
    this.chart.render({ rows, axis, asOf: this.asOf, asOfText: this.plan.asOf, emptyMessage, arrows: this.arrowsOn() });
    this.toolbar.showArrows(this.arrowsOn(), this.links);
    const critical = criticalCount(this.byId);
    this.toolbar.showCritical(this.state.criticalOnly, critical);
    this.root.classList.toggle('critical-shown', this.state.criticalOnly && critical > 0);
    this.applyHighlight();
    this.toolbar.showZoom((pixelsPerDay / this.fitZoom()) * 100);

    const problems = this.plan.problemCounts;
    const parts = [`${this.groups.length} milestones`, `${Object.keys(this.plan.features).length} features`];
    if (this.asOf !== null) parts.push(`as of ${this.plan.asOf}`);
    const problemParts = (['error', 'warning', 'information', 'hint'] as const)
      .filter((severity) => problems[severity] > 0)
      .map((severity) => `${problems[severity]} ${severity === 'information' ? 'info' : severity}${problems[severity] === 1 || severity === 'information' ? '' : 's'}`);
    parts.push(problemParts.length > 0 ? problemParts.join(', ') : 'no problems');
    this.summary.textContent = parts.join(' · ');
  }

  private applyHighlight(): RenderedRow[] {
    const id = this.highlighted;
    let matches = id === null ? [] : this.chart.rendered.filter((rendered) => rendered.view.row.id === id);
    if (id !== null && matches.length === 0) {
      // A feature folded away: mark the milestones that list it instead.
      const parents = new Set(this.groups.filter((group) => group.features.some((row) => row.id === id)).map((group) => group.milestone.key));
      matches = this.chart.rendered.filter((rendered) => rendered.view.row.kind === 'milestone' && parents.has(rendered.view.row.key));
    }
    const marked = new Set(matches);
    // The highlighted item's driving path: its rows and the arrows between its steps stand out, the rest is dimmed.
    const path = id === null || !this.byId.has(id) ? [] : drivingPath(this.byId, id);
    const onPath = new Set(path.length > 1 ? path : []);
    const steps = new Set(path.slice(1).map((to, index) => `${path[index]}\u0000${to}`));
    for (const rendered of this.chart.rendered) {
      const on = marked.has(rendered);
      rendered.label.classList.toggle('highlighted', on);
      rendered.body.classList.toggle('highlighted', on);
      const step = onPath.has(rendered.view.row.id) && rendered.view.row.defined;
      rendered.label.classList.toggle('on-path', step);
      rendered.body.classList.toggle('on-path', step);
    }
    for (const arrow of this.chart.arrows) arrow.element.classList.toggle('on-path', steps.has(`${arrow.from}\u0000${arrow.to}`));
    this.root.classList.toggle('path-shown', onPath.size > 0);
    return matches;
  }

  private scrollIntoView(rendered: RenderedRow): void {
    const viewport = this.chart.viewport;
    const visibleHeight = viewport.clientHeight - layout.axisHeight;
    if (rendered.y < viewport.scrollTop || rendered.y + rendered.height > viewport.scrollTop + visibleHeight) {
      viewport.scrollTop = Math.max(0, rendered.y - visibleHeight / 2);
    }
    const visibleWidth = viewport.clientWidth - layout.labelWidth;
    const x = rendered.anchorX;
    if (x !== null && (x < viewport.scrollLeft + 20 || x > viewport.scrollLeft + visibleWidth - 20)) {
      viewport.scrollLeft = Math.max(0, x - visibleWidth / 3);
    }
  }

  /** Zooms, keeping the date under `clientX` (the middle of the chart by default) where it is. */
  private zoomTo(pixelsPerDay: number, clientX?: number): void {
    const viewport = this.chart.viewport;
    const axis = this.chart.axis;
    const box = viewport.getBoundingClientRect();
    const offset = clientX === undefined ? (viewport.clientWidth - layout.labelWidth) / 2 : Math.max(0, clientX - box.left - layout.labelWidth);
    const date = axis ? axis.scale.invert(viewport.scrollLeft + offset) : null;
    this.state.zoom = clampZoom(pixelsPerDay);
    this.update();
    if (date && this.chart.axis) viewport.scrollLeft = Math.max(0, this.chart.axis.scale(date) - offset);
    this.save();
  }

  zoomBy(factor: number, clientX?: number): void {
    this.zoomTo(this.zoom() * factor, clientX);
  }

  resetZoom(): void {
    this.state.zoom = null;
    this.update();
    this.chart.viewport.scrollLeft = 0;
  }

  toggle(row: Row): void {
    const collapsed = new Set(this.state.collapsed);
    if (collapsed.has(row.key)) collapsed.delete(row.key);
    else collapsed.add(row.key);
    this.state.collapsed = [...collapsed];
    this.update();
    this.focusRow(row.key);
  }

  focusRow(key: string): void {
    this.chart.rendered.find((rendered) => rendered.view.row.key === key)?.label.focus({ preventScroll: false });
  }

  reveal(row: Row): void {
    this.host.postMessage({ type: 'reveal', id: row.revealId });
  }

  scrolled(left: number, top: number): void {
    this.state.scrollLeft = left;
    this.state.scrollTop = top;
    this.save();
  }

  clearFilter(): void {
    this.state.text = '';
    this.update();
  }

  private async export(format: 'svg' | 'png'): Promise<void> {
    if (!this.plan) return;
    const data = format === 'svg' ? exportSvg(this.chart).text : await exportPng(this.chart);
    this.host.postMessage({ type: 'exportImage', format, data });
  }

  /** Saves soon rather than on every scroll event. */
  private save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.host.setState({ ...this.state }), 100);
  }
}
