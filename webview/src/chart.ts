// Draws the timeline as four SVGs in a scrolling grid: a corner, the time axis (sticky at the top),
// the row labels (sticky at the left) and the chart body with markers, slip bars, float bars, the
// asOf line and an arrow from each predecessor's due marker to its successor's; critical items and
// the links of their chains are marked for the stylesheet to stand out.
import type { Axis } from './axis';
import { clear, html, svg, text } from './dom';
import { baselineSlip, formatDay, onCriticalChain, slipOf, type VisibleRow } from './model';

export const layout = {
  labelWidth: 430,
  dateColumn: 92,
  axisHeight: 46,
  milestoneHeight: 28,
  featureHeight: 22,
} as const;

export interface RenderedRow {
  view: VisibleRow;
  y: number;
  height: number;
  label: SVGGElement;
  body: SVGGElement;
  /** The x of the row's first date, for scrolling it into view. */
  anchorX: number | null;
}

export interface ChartInput {
  rows: VisibleRow[];
  axis: Axis;
  asOf: number | null;
  asOfText: string;
  emptyMessage: string | null;
  /** Whether to draw an arrow for each predecessor link between rows shown. */
  arrows: boolean;
}

/** An arrow drawn: the link it stands for and its element. */
export interface RenderedArrow {
  from: string;
  to: string;
  element: SVGGElement;
}

const chevronRight = 'M -2.5 -4.5 L 2.5 0 L -2.5 4.5';
const chevronDown = 'M -4.5 -2.5 L 0 2.5 L 4.5 -2.5';

export class Chart {
  readonly viewport: HTMLElement;
  readonly corner: SVGSVGElement;
  readonly axisSvg: SVGSVGElement;
  readonly labels: SVGSVGElement;
  readonly body: SVGSVGElement;
  private readonly empty: HTMLElement;
  private readonly byElement = new WeakMap<Element, RenderedRow>();
  rendered: RenderedRow[] = [];
  arrows: RenderedArrow[] = [];
  axis: Axis | null = null;
  bodyHeight = 0;

  constructor(parent: HTMLElement) {
    this.viewport = html('div', { class: 'viewport', tabindex: -1 }, parent);
    const grid = html('div', { class: 'grid' }, this.viewport);
    this.corner = svg('svg', { class: 'corner', width: layout.labelWidth, height: layout.axisHeight }, grid);
    this.axisSvg = svg('svg', { class: 'axis', height: layout.axisHeight }, grid);
    this.labels = svg('svg', { class: 'labels', width: layout.labelWidth, role: 'tree', 'aria-label': 'Milestones and features' }, grid);
    this.body = svg('svg', { class: 'body', 'aria-hidden': 'true' }, grid);
    this.empty = html('div', { class: 'empty', hidden: '' }, parent);
  }

  /** The rendered row an element belongs to (labels and body alike), if any. */
  rowOf(element: EventTarget | null): RenderedRow | undefined {
    let node = element instanceof Element ? element : null;
    while (node && node !== this.viewport) {
      const row = this.byElement.get(node);
      if (row) return row;
      node = node.parentElement;
    }
    return undefined;
  }

  render(input: ChartInput): void {
    const { axis, rows } = input;
    this.axis = axis;
    this.rendered = [];
    this.arrows = [];
    for (const element of [this.corner, this.axisSvg, this.labels, this.body]) clear(element);

    let y = 0;
    const placed = rows.map((view) => {
      const height = view.row.kind === 'milestone' ? layout.milestoneHeight : layout.featureHeight;
      const place = { view, y, height };
      y += height;
      return place;
    });
    this.bodyHeight = Math.max(y, 1);

    this.axisSvg.setAttribute('width', String(axis.width));
    this.body.setAttribute('width', String(axis.width));
    this.body.setAttribute('height', String(this.bodyHeight));
    this.labels.setAttribute('height', String(this.bodyHeight));
    this.body.setAttribute('data-pixels-per-day', String(axis.scale(new Date(86_400_000)) - axis.scale(new Date(0))));

    this.drawCorner();
    this.drawAxis(input);
    const grid = svg('g', { class: 'gridlines' }, this.body);
    for (const tick of axis.minor) svg('line', { class: 'grid-minor', x1: tick.x, x2: tick.x, y1: 0, y2: this.bodyHeight }, grid);
    for (const tick of axis.major) svg('line', { class: 'grid-major', x1: tick.x, x2: tick.x, y1: 0, y2: this.bodyHeight }, grid);

    const defs = svg('defs', {}, this.labels);
    const clip = svg('clipPath', { id: 'tl-label-clip' }, defs);
    svg('rect', { x: 0, y: 0, width: layout.labelWidth - layout.dateColumn - 8, height: this.bodyHeight }, clip);
    const labelRows = svg('g', { class: 'rows' }, this.labels);
    const bodyRows = svg('g', { class: 'rows' }, this.body);
    for (const place of placed) {
      const label = this.drawLabel(labelRows, place.view, place.y, place.height);
      const { group: body, anchorX } = this.drawBodyRow(bodyRows, place.view, place.y, place.height, input.asOf);
      const rendered: RenderedRow = { ...place, label, body, anchorX };
      this.byElement.set(label, rendered);
      this.byElement.set(body, rendered);
      this.rendered.push(rendered);
    }

    if (input.asOf !== null) {
      const x = axis.scale(new Date(input.asOf));
      svg('line', { class: 'asof-line', x1: x, x2: x, y1: 0, y2: this.bodyHeight }, this.body);
    }
    if (input.arrows) this.drawArrows();

    this.empty.hidden = input.emptyMessage === null;
    clear(this.empty);
    if (input.emptyMessage !== null) text(this.empty, input.emptyMessage);
  }

  /**
   * An arrow per link whose two ends are shown, from the right tip of the predecessor's due marker
   * to the left tip of the item's. Routed in fixed pixel steps (out, across, in), so that it stays
   * readable at every zoom; a link that runs back in time goes round along the item's row edge.
   */
  private drawArrows(): void {
    const scale = this.axis!.scale;
    const first = new Map<string, RenderedRow>();
    for (const rendered of this.rendered) if (rendered.view.row.defined && !first.has(rendered.view.row.id)) first.set(rendered.view.row.id, rendered);
    const layer = svg('g', { class: 'arrows' }, this.body);
    const radius = (row: RenderedRow) => (row.view.row.kind === 'milestone' ? 6.5 : 5);
    for (const target of this.rendered) {
      const row = target.view.row;
      if (!row.defined || row.due === null) continue;
      for (const link of row.predecessors) {
        const source = first.get(link.id);
        if (!source || source.view.row.due === null) continue;
        const x1 = scale(new Date(source.view.row.due)) + radius(source);
        const y1 = source.y + source.height / 2;
        const x2 = scale(new Date(row.due)) - radius(target) - 1;
        const y2 = target.y + target.height / 2;
        let d: string;
        if (x2 - x1 >= 14) {
          const across = x1 + 7;
          d = `M ${x1} ${y1} H ${across} V ${y2} H ${x2}`;
        } else {
          // Back in time (or too close): out to the right, along the edge of the item's row, and in from its left.
          const edge = y2 > y1 ? target.y : target.y + target.height;
          d = `M ${x1} ${y1} H ${x1 + 7} V ${edge} H ${x2 - 9} V ${y2} H ${x2}`;
        }
        const classes = ['arrow'];
        if (link.worst) classes.push(`severity-${link.worst}`);
        if (onCriticalChain(source.view.row, row)) classes.push('critical');
        const element = svg('g', { class: classes.join(' '), 'data-from': link.id, 'data-to': row.id }, layer);
        svg('path', { class: 'arrow-line', d }, element);
        svg('path', { class: 'arrow-head', d: `M ${x2} ${y2} L ${x2 - 5} ${y2 - 3.5} L ${x2 - 5} ${y2 + 3.5} Z` }, element);
        this.arrows.push({ from: link.id, to: row.id, element });
      }
    }
  }

  private drawCorner(): void {
    const { labelWidth, axisHeight, dateColumn } = layout;
    svg('rect', { class: 'header-bg', x: 0, y: 0, width: labelWidth, height: axisHeight }, this.corner);
    text(svg('text', { class: 'header-text', x: 12, y: axisHeight - 12 }, this.corner), 'Milestone / feature');
    text(svg('text', { class: 'header-text', x: labelWidth - 12, y: axisHeight - 12, 'text-anchor': 'end' }, this.corner), 'Due');
    svg('line', { class: 'divider', x1: labelWidth - dateColumn, x2: labelWidth - dateColumn, y1: 8, y2: axisHeight - 6 }, this.corner);
    svg('line', { class: 'header-rule', x1: 0, x2: labelWidth, y1: axisHeight - 0.5, y2: axisHeight - 0.5 }, this.corner);
    svg('line', { class: 'header-rule', x1: labelWidth - 0.5, x2: labelWidth - 0.5, y1: 0, y2: axisHeight }, this.corner);
  }

  private drawAxis(input: ChartInput): void {
    const { axis } = input;
    const height = layout.axisHeight;
    svg('rect', { class: 'header-bg', x: 0, y: 0, width: axis.width, height }, this.axisSvg);
    const labelled = (ticks: Axis['major'], y: number, cls: string, lineFrom: number) => {
      ticks.forEach((tick, index) => {
        const next = ticks[index + 1]?.x ?? axis.width;
        if (tick.x >= 0) svg('line', { class: `tick-${cls}`, x1: tick.x, x2: tick.x, y1: lineFrom, y2: height }, this.axisSvg);
        // A boundary before the domain start keeps its label at the left edge while there is room.
        const x = Math.max(tick.x, 0) + 5;
        if (next - x < tick.label.length * 7 + 4) return;
        text(svg('text', { class: `tick-label-${cls}`, x, y }, this.axisSvg), tick.label);
      });
    };
    labelled(axis.major, 18, 'major', 0);
    labelled(axis.minor, 38, 'minor', 25);
    svg('line', { class: 'header-rule', x1: 0, x2: axis.width, y1: height - 0.5, y2: height - 0.5 }, this.axisSvg);

    if (input.asOf !== null) {
      const x = axis.scale(new Date(input.asOf));
      svg('line', { class: 'asof-line', x1: x, x2: x, y1: 24, y2: height }, this.axisSvg);
      const label = `as of ${input.asOfText}`;
      const width = label.length * 6.6 + 14;
      // Keep the label inside the axis when asOf is near either end.
      const left = Math.min(Math.max(x - width / 2, 2), axis.width - width - 2);
      const group = svg('g', { class: 'asof-label' }, this.axisSvg);
      svg('rect', { class: 'asof-pill', x: left, y: 3, width, height: 19, rx: 9.5 }, group);
      text(svg('text', { class: 'asof-text', x: left + width / 2, y: 16.5, 'text-anchor': 'middle' }, group), label);
    }
  }

  private drawLabel(parent: SVGGElement, view: VisibleRow, y: number, height: number): SVGGElement {
    const { row } = view;
    const milestone = row.kind === 'milestone';
    const classes = ['row', row.kind, `state-${row.state}`];
    if (view.context) classes.push('context');
    if (!row.defined) classes.push('undefined');
    if (row.float.critical) classes.push('critical');
    const group = svg('g', {
      class: classes.join(' '),
      tabindex: 0,
      role: 'treeitem',
      'aria-level': milestone ? 1 : 2,
      'aria-expanded': view.hasChildren ? String(!view.collapsed) : null,
      'aria-label': `${row.id} ${row.name}, ${row.state}${row.problems.length ? `, ${row.problems.length} problems` : ''}`,
      'data-id': row.id,
      'data-kind': row.kind,
      'data-state': row.state,
    }, parent);
    const middle = y + height / 2;
    svg('rect', { class: 'band', x: 0, y, width: layout.labelWidth, height }, group);
    svg('rect', { class: 'accent', x: 0, y, width: 3, height }, group);
    if (view.hasChildren) {
      const toggle = svg('g', { class: 'toggle', transform: `translate(14 ${middle})` }, group);
      svg('rect', { class: 'toggle-hit', x: -9, y: -9, width: 18, height: 18, rx: 3 }, toggle);
      svg('path', { class: 'chevron', d: view.collapsed ? chevronRight : chevronDown }, toggle);
    }
    const textX = milestone ? 44 : 60;
    if (row.worst) {
      svg('circle', { class: `badge severity-${row.worst}`, cx: textX - 11, cy: middle, r: 4 }, group);
    }
    const clipped = svg('g', { 'clip-path': 'url(#tl-label-clip)' }, group);
    const label = svg('text', { class: 'label-text', x: textX, y: middle, 'dominant-baseline': 'central' }, clipped);
    text(svg('tspan', { class: 'label-id' }, label), row.id);
    if (row.defined) {
      if (row.name !== '') text(svg('tspan', { class: 'label-name', dx: 7 }, label), row.name);
    } else {
      text(svg('tspan', { class: 'label-note', dx: 7 }, label), 'not defined in the plan');
    }
    const due = row.due !== null ? formatDay(row.due) : row.dueText === null ? '—' : 'invalid';
    text(svg('text', { class: 'date-text', x: layout.labelWidth - 12, y: middle, 'dominant-baseline': 'central', 'text-anchor': 'end' }, group), due);
    if (milestone) svg('line', { class: 'row-rule', x1: 0, x2: layout.labelWidth, y1: y + 0.5, y2: y + 0.5 }, group);
    return group;
  }

  private drawBodyRow(parent: SVGGElement, view: VisibleRow, y: number, height: number, asOf: number | null) {
    const { row } = view;
    const scale = this.axis!.scale;
    const x = (time: number) => scale(new Date(time));
    const classes = ['row', row.kind, `state-${row.state}`];
    if (view.context) classes.push('context');
    if (row.float.critical) classes.push('critical');
    const group = svg('g', { class: classes.join(' '), 'data-id': row.id }, parent);
    const middle = y + height / 2;
    const width = this.axis!.width;
    svg('rect', { class: 'band', x: 0, y, width, height }, group);
    if (row.kind === 'milestone') svg('line', { class: 'row-rule', x1: 0, x2: width, y1: y + 0.5, y2: y + 0.5 }, group);

    const size = row.kind === 'milestone' ? 6.5 : 5;
    let right = -Infinity;
    const slip = slipOf(row, asOf);
    if (slip) {
      const from = x(slip.from);
      const to = x(slip.to);
      svg('rect', { class: `bar ${slip.kind}`, x: from, y: middle - 3.5, width: Math.max(to - from, 1), height: 7, rx: 3.5 }, group);
      right = Math.max(right, to);
    }
    const moved = baselineSlip(row);
    if (moved !== null && moved !== 0) {
      // The baseline's due date as a ghost, joined to today's, with how far it moved.
      const from = x(row.baselineDue!);
      const to = x(row.due!);
      svg('line', { class: 'baseline-shift', x1: from, x2: to, y1: middle, y2: middle }, group);
      drawDue(group, from, middle, size, 'due ghost');
      text(svg('text', { class: 'baseline-slip', x: (from + to) / 2, y: middle - size - 2, 'text-anchor': 'middle' }, group), `${moved > 0 ? '+' : '−'}${Math.abs(moved)} d`);
      right = Math.max(right, from);
    }
    // The float bar: from the expected date to the latest it may move to (back from it, when the float is negative).
    if (row.expected !== null && row.late !== null && row.late !== row.expected) {
      const from = x(Math.min(row.expected, row.late));
      const to = x(Math.max(row.expected, row.late));
      const negative = row.late < row.expected;
      svg('rect', { class: `float-bar${negative ? ' negative' : ''}`, x: from, y: middle - 1.5, width: Math.max(to - from, 1), height: 3, rx: 1.5, 'data-days': String(row.float.days) }, group);
      right = Math.max(right, to);
    }
    if (row.due !== null) drawDue(group, x(row.due), middle, size, row.completed !== null ? 'due hollow' : 'due');
    if (row.completed !== null) drawDone(group, x(row.completed), middle, size - 0.5);
    const dates = [row.due, row.completed, moved ? row.baselineDue : null].filter((time): time is number => time !== null).map(x);
    right = Math.max(right, ...dates);
    if (row.worst && Number.isFinite(right)) {
      const badge = svg('g', { class: `marker-badge severity-${row.worst}`, transform: `translate(${right + size + 9} ${middle})` }, group);
      svg('circle', { r: 5.5 }, badge);
      text(svg('text', { class: 'badge-mark', y: 0.5, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, badge), '!');
    }
    const anchorX = dates.length > 0 ? Math.min(...dates) : null;
    return { group, anchorX };
  }
}

function drawDue(parent: SVGGElement, x: number, y: number, r: number, classes: string): void {
  svg('path', { class: classes, d: `M ${x} ${y - r} L ${x + r} ${y} L ${x} ${y + r} L ${x - r} ${y} Z` }, parent);
}

function drawDone(parent: SVGGElement, x: number, y: number, r: number): void {
  const group = svg('g', { class: 'done', transform: `translate(${x} ${y})` }, parent);
  svg('circle', { r }, group);
  const k = r / 6;
  svg('path', { class: 'check', d: `M ${-3 * k} ${0.2 * k} L ${-0.8 * k} ${2.4 * k} L ${3.2 * k} ${-2.2 * k}` }, group);
}

