// The timeline webview: receives the plan from the extension, draws it, and lets the user zoom, pan,
// filter, fold, reveal an item in its file and export the chart. Its state lives in getState()/setState().
import type { FromTimeline, ItemState, PlanSnapshot, TimelineDefaults } from '../../common/protocol';
import { clampZoom, makeAxis } from './axis';
import { Chart, layout, type RenderedRow } from './chart';
import { html, text } from './dom';
import { exportPng, exportSvg } from './exportImage';
import { parseToTimeline } from './incoming';
import { buildGroups, dayMs, itemStates, parseDay, timeExtent, visibleRows, type Group, type Row } from './model';
import { Tooltip } from './tooltip';
import { readViewState, type ViewState } from './viewState';

interface Host {
  postMessage(message: FromTimeline): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): Host;

const stateLabels: Record<ItemState, string> = { completed: 'Completed', open: 'Open', overdue: 'Overdue', inconsistent: 'Inconsistent' };
const zoomStep = 1.5;

class Timeline {
  private readonly state: ViewState;
  private plan: PlanSnapshot | null = null;
  private groups: Group[] = [];
  private asOf: number | null = null;
  private extent: [number, number] = [0, 1];
  private highlighted: string | null = null;
  private readonly chart: Chart;
  private readonly tooltip: Tooltip;
  private readonly filterInput: HTMLInputElement;
  private readonly stateButtons = new Map<ItemState, { button: HTMLButtonElement; count: HTMLElement }>();
  private readonly zoomLabel: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly status: HTMLElement;
  private firstRender = true;
  /** The settings' defaults, applied to the first plan of a timeline that has no kept state. */
  private defaults: TimelineDefaults | null = null;
  private readonly fresh: boolean;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private suppressClick = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: Host,
  ) {
    const stored = host.getState();
    this.fresh = stored === undefined || stored === null;
    this.state = readViewState(stored);

    const toolbar = html('header', { class: 'toolbar' }, root);
    const left = html('div', { class: 'toolbar-group' }, toolbar);
    this.filterInput = html('input', { class: 'filter', type: 'search', placeholder: 'Filter by ID or name', 'aria-label': 'Filter by ID or name', spellcheck: 'false' }, left);
    this.filterInput.value = this.state.text;
    this.filterInput.addEventListener('input', () => {
      this.state.text = this.filterInput.value;
      this.update();
    });
    const states = html('div', { class: 'state-toggles', role: 'group', 'aria-label': 'Show states' }, left);
    for (const state of itemStates) {
      const button = html('button', { class: `state-toggle state-${state}`, type: 'button', 'data-state': state, title: `Show ${stateLabels[state].toLowerCase()} items` }, states);
      html('span', { class: 'swatch' }, button);
      text(button, stateLabels[state]);
      const count = html('span', { class: 'count' }, button);
      button.addEventListener('click', () => {
        const shown = new Set(this.state.states);
        if (shown.has(state)) shown.delete(state);
        else shown.add(state);
        this.state.states = itemStates.filter((known) => shown.has(known));
        this.update();
      });
      this.stateButtons.set(state, { button, count });
    }

    const right = html('div', { class: 'toolbar-group' }, toolbar);
    this.button(right, 'Expand all', 'expand-all', () => {
      this.state.collapsed = [];
      this.update();
    });
    this.button(right, 'Collapse all', 'collapse-all', () => {
      this.state.collapsed = this.foldableKeys();
      this.update();
    });
    html('span', { class: 'separator' }, right);
    this.button(right, '−', 'zoom-out', () => this.zoomBy(1 / zoomStep), 'Zoom out (-)');
    this.zoomLabel = html('span', { class: 'zoom-level', 'aria-live': 'polite' }, right);
    this.button(right, '+', 'zoom-in', () => this.zoomBy(zoomStep), 'Zoom in (+)');
    this.button(right, 'Fit', 'zoom-reset', () => this.resetZoom(), 'Fit the plan to the width (0)');
    html('span', { class: 'separator' }, right);
    this.button(right, 'SVG', 'export-svg', () => this.export('svg'), 'Export the chart as SVG');
    this.button(right, 'PNG', 'export-png', () => void this.export('png'), 'Export the chart as PNG');

    this.status = html('div', { class: 'status', role: 'status', hidden: '' }, root);
    this.summary = html('div', { class: 'summary' }, root);
    this.chart = new Chart(root);
    this.tooltip = new Tooltip(root);
    this.wireChart();
    this.wireKeys();
    window.addEventListener('resize', () => {
      if (this.state.zoom === null && this.plan) this.update();
    });
  }

  private button(parent: HTMLElement, label: string, name: string, action: () => void, title?: string): HTMLButtonElement {
    const button = html('button', { class: `tool ${name}`, type: 'button', 'data-action': name, title: title ?? label, 'aria-label': title ?? label }, parent);
    text(button, label);
    button.addEventListener('click', action);
    return button;
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
    for (const [state, { button }] of this.stateButtons) button.setAttribute('aria-pressed', String(shown.has(state)));
    if (!this.plan) return;

    const counts: Record<ItemState, number> = { completed: 0, open: 0, overdue: 0, inconsistent: 0 };
    const features = new Set<string>();
    for (const group of this.groups) {
      counts[group.milestone.state]++;
      for (const row of group.features) {
        if (!row.defined || features.has(row.id)) continue;
        features.add(row.id);
        counts[row.state]++;
      }
    }
    for (const [state, { count }] of this.stateButtons) count.textContent = String(counts[state]);

    const rows = visibleRows(this.groups, { text: this.state.text, states: this.state.states }, new Set(this.state.collapsed));
    const pixelsPerDay = this.zoom();
    const axis = makeAxis(this.extent, pixelsPerDay, Math.max(0, this.chart.viewport.clientWidth - layout.labelWidth - 2));
    const emptyMessage = this.groups.length === 0 ? 'The plan has no milestones yet.' : rows.length === 0 ? 'No milestone or feature matches the filter.' : null;
    this.chart.render({ rows, axis, asOf: this.asOf, asOfText: this.plan.asOf, emptyMessage });
    this.applyHighlight();
    this.zoomLabel.textContent = `${Math.round((pixelsPerDay / this.fitZoom()) * 100)}%`;

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
    for (const rendered of this.chart.rendered) {
      const on = marked.has(rendered);
      rendered.label.classList.toggle('highlighted', on);
      rendered.body.classList.toggle('highlighted', on);
    }
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

  private zoomBy(factor: number, clientX?: number): void {
    this.zoomTo(this.zoom() * factor, clientX);
  }

  private resetZoom(): void {
    this.state.zoom = null;
    this.update();
    this.chart.viewport.scrollLeft = 0;
  }

  private toggle(row: Row): void {
    const collapsed = new Set(this.state.collapsed);
    if (collapsed.has(row.key)) collapsed.delete(row.key);
    else collapsed.add(row.key);
    this.state.collapsed = [...collapsed];
    this.update();
    this.focusRow(row.key);
  }

  private focusRow(key: string): void {
    this.chart.rendered.find((rendered) => rendered.view.row.key === key)?.label.focus({ preventScroll: false });
  }

  private reveal(row: Row): void {
    this.host.postMessage({ type: 'reveal', id: row.revealId });
  }

  private hovered: RenderedRow | undefined;

  private setHover(rendered: RenderedRow | undefined): void {
    if (this.hovered === rendered) return;
    this.hovered?.label.classList.remove('hover');
    this.hovered?.body.classList.remove('hover');
    this.hovered = rendered;
    rendered?.label.classList.add('hover');
    rendered?.body.classList.add('hover');
  }

  private wireChart(): void {
    const { viewport } = this.chart;
    // Drag the chart body to pan; a drag is not a click.
    let dragging = false;
    let start: { x: number; y: number; left: number; top: number; id: number } | null = null;
    viewport.addEventListener('click', (event) => {
      if (this.suppressClick) {
        this.suppressClick = false;
        return;
      }
      const rendered = this.chart.rowOf(event.target);
      if (!rendered) return;
      const onToggle = event.target instanceof Element && event.target.closest('.toggle');
      if (onToggle) this.toggle(rendered.view.row);
      else this.reveal(rendered.view.row);
    });
    viewport.addEventListener('mousemove', (event) => {
      if (dragging) return;
      const rendered = this.chart.rowOf(event.target);
      this.setHover(rendered);
      if (rendered) this.tooltip.show(rendered.view.row, event.clientX, event.clientY);
      else this.tooltip.hide();
    });
    viewport.addEventListener('mouseleave', () => {
      this.setHover(undefined);
      this.tooltip.hide();
    });
    viewport.addEventListener('scroll', () => {
      this.tooltip.hide();
      this.state.scrollLeft = viewport.scrollLeft;
      this.state.scrollTop = viewport.scrollTop;
      this.save();
    });
    viewport.addEventListener(
      'wheel',
      (event) => {
        if (!event.ctrlKey && !event.metaKey) return;
        event.preventDefault();
        this.zoomBy(Math.exp(-event.deltaY * 0.002), event.clientX);
      },
      { passive: false },
    );

    this.chart.body.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      start = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop, id: event.pointerId };
    });
    this.chart.body.addEventListener('pointermove', (event) => {
      if (!start || event.pointerId !== start.id) return;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      if (!dragging && Math.hypot(dx, dy) < 4) return;
      if (!dragging) {
        dragging = true;
        this.chart.body.setPointerCapture(event.pointerId);
        viewport.classList.add('panning');
        this.tooltip.hide();
      }
      viewport.scrollLeft = start.left - dx;
      viewport.scrollTop = start.top - dy;
    });
    const end = (event: PointerEvent) => {
      if (!start || event.pointerId !== start.id) return;
      if (dragging) {
        this.suppressClick = true;
        // The click that ends a drag fires right after; clear the flag if none does.
        setTimeout(() => (this.suppressClick = false), 0);
      }
      dragging = false;
      start = null;
      viewport.classList.remove('panning');
    };
    this.chart.body.addEventListener('pointerup', end);
    this.chart.body.addEventListener('pointercancel', end);
  }

  private wireKeys(): void {
    document.addEventListener('keydown', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement) {
        if (event.key === 'Escape' && target.value !== '') {
          target.value = '';
          this.state.text = '';
          this.update();
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const rendered = this.chart.rowOf(target);
      if (rendered) {
        const row = rendered.view.row;
        const index = this.chart.rendered.indexOf(rendered);
        const handled = () => event.preventDefault();
        switch (event.key) {
          case 'Enter':
          case ' ':
            this.reveal(row);
            return handled();
          case 'ArrowDown':
            this.chart.rendered[index + 1]?.label.focus();
            return handled();
          case 'ArrowUp':
            this.chart.rendered[index - 1]?.label.focus();
            return handled();
          case 'ArrowRight':
            if (rendered.view.collapsed) this.toggle(row);
            return handled();
          case 'ArrowLeft':
            if (row.kind === 'milestone' && rendered.view.hasChildren && !rendered.view.collapsed) this.toggle(row);
            else if (row.kind === 'feature') this.focusRow(row.milestoneId);
            return handled();
        }
      }
      if (event.key === '+' || event.key === '=') this.zoomBy(zoomStep);
      else if (event.key === '-') this.zoomBy(1 / zoomStep);
      else if (event.key === '0') this.resetZoom();
      else if (event.key === '/') {
        event.preventDefault();
        this.filterInput.focus();
      }
    });
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

/** Outside VS Code (a plain browser) there is no host; the page still draws what it is sent. */
function acquireHost(): Host {
  if (typeof acquireVsCodeApi === 'function') return acquireVsCodeApi();
  let state: unknown;
  return { postMessage: () => undefined, getState: () => state, setState: (value) => (state = value) };
}

const host = acquireHost();
const root = document.getElementById('timeline') ?? document.body;
const timeline = new Timeline(root, host);
window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToTimeline(event.data);
  if (!message) return;
  if (message.type === 'defaults') timeline.setDefaults(message.defaults);
  else if (message.type === 'status') timeline.setStatus(message.message);
  else if (message.type === 'plan') timeline.setPlan(message.plan);
  else timeline.setHighlight(message.id);
});
host.postMessage({ type: 'ready' });
