// Moving an item's marker to reschedule it: dragged with the pointer, snapping to days, or nudged from
// the keyboard (Shift+arrows a day, Shift+Page Up/Down a week), shown as a ghost at the new date with
// the days and the date; releasing the pointer or Enter asks the extension to preview the move (it
// changes nothing itself), Escape cancels.
import type { Chart, RenderedRow } from './chart';
import { svg, text } from './dom';
import { dayMs, formatDay, type Row } from './model';

/** Whether a row's item can be moved: a defined item with an expected date. */
export function movable(row: Row): boolean {
  return row.defined && row.expected !== null;
}

export class MarkerMove {
  private moving: { rendered: RenderedRow; days: number; ghost: SVGGElement } | null = null;

  constructor(
    private readonly chart: Chart,
    /** Asks for the move: the extension previews it. */
    private readonly commit: (row: Row, days: number) => void,
  ) {}

  /** The row being moved, if any. */
  get row(): Row | undefined {
    return this.moving?.rendered.view.row;
  }

  /** Starts moving a rendered row's marker (the one moved so far is given up). */
  start(rendered: RenderedRow): boolean {
    this.cancel();
    if (!movable(rendered.view.row)) return false;
    const ghost = svg('g', { class: 'move-ghost' }, rendered.body);
    this.moving = { rendered, days: 0, ghost };
    this.chart.viewport.classList.add('moving');
    this.draw();
    return true;
  }

  /** The move so far, in days from the expected date (0 when nothing is moving). */
  get days(): number {
    return this.moving?.days ?? 0;
  }

  /** The move in days from the expected date. */
  set(days: number): void {
    if (!this.moving || days === this.moving.days) return;
    this.moving.days = days;
    this.draw();
  }

  by(delta: number): void {
    if (this.moving) this.set(this.moving.days + delta);
  }

  /** Asks for the move, if it moves anything, and ends it. */
  finish(): void {
    const moving = this.moving;
    this.cancel();
    if (moving && moving.days !== 0) this.commit(moving.rendered.view.row, moving.days);
  }

  cancel(): void {
    this.moving?.ghost.remove();
    this.moving = null;
    this.chart.viewport.classList.remove('moving');
  }

  /** The ghost: a line from the expected date to the new one, a diamond there and a label with the days and the date. */
  private draw(): void {
    const { rendered, days, ghost } = this.moving!;
    const row = rendered.view.row;
    const scale = this.chart.axis!.scale;
    const from = scale(new Date(row.expected!));
    const to = scale(new Date(row.expected! + days * dayMs));
    const middle = rendered.y + rendered.height / 2;
    const size = row.kind === 'milestone' ? 6.5 : 5;
    while (ghost.firstChild) ghost.firstChild.remove();
    svg('line', { class: 'move-line', x1: from, x2: to, y1: middle, y2: middle }, ghost);
    svg('path', { class: 'due ghost', d: `M ${to} ${middle - size} L ${to + size} ${middle} L ${to} ${middle + size} L ${to - size} ${middle} Z` }, ghost);
    const label = `${days >= 0 ? '+' : '−'}${Math.abs(days)} d · ${formatDay(row.expected! + days * dayMs)}`;
    const width = label.length * 6.8 + 10;
    const x = to + size + 4;
    svg('rect', { class: 'move-label-bg', x, y: middle - 9, width, height: 18, rx: 3 }, ghost);
    text(svg('text', { class: 'move-label', x: x + 5, y: middle + 4 }, ghost), label);
    ghost.setAttribute('data-days', String(days));
  }
}
