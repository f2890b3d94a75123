// The tooltip: an SVG layer fixed over the page, so it can be placed with attributes rather than
// inline styles (the CSP forbids those). It shows an item's dates, state, float, predecessors,
// successors and problems as plain text.
import { clear, svg, text } from './dom';
import { baselineSlip, dayMs, formatDay, type Row } from './model';

interface Line {
  text: string;
  cls: string;
}

const wrapAt = 72;
const maxNameLines = 3;
const maxProblems = 8;
const maxLinks = 8;

/** Breaks text into lines of at most `width` characters, at spaces where there are any. */
export function wrap(content: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = content.replace(/\s+/g, ' ').trim();
  while (rest.length > 0 && lines.length < maxLines) {
    if (rest.length <= width) {
      lines.push(rest);
      rest = '';
      break;
    }
    let cut = rest.lastIndexOf(' ', width);
    if (cut < width / 2) cut = width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 && lines.length > 0) lines[lines.length - 1] = `${lines[lines.length - 1]!.slice(0, width - 1)}…`;
  return lines;
}

function describeDate(time: number | null, raw: string | null): string {
  if (time !== null) return formatDay(time);
  if (raw === null) return 'none';
  return `invalid (${wrap(raw, 40, 1)[0] ?? ''})`;
}

function linesOf(row: Row): Line[] {
  const lines: Line[] = [];
  lines.push({ text: `${row.kind === 'milestone' ? 'Milestone' : 'Feature'} ${wrap(row.id, wrapAt - 10, 1)[0] ?? ''}`, cls: 'tip-title' });
  if (row.defined) for (const line of wrap(row.name, wrapAt, maxNameLines)) lines.push({ text: line, cls: 'tip-name' });
  else lines.push({ text: 'Not defined in the plan: listed by the milestone only.', cls: 'tip-name' });
  if (row.defined) {
    const completed = row.progress === 'completed' && row.completed === null ? 'yes (the date is not valid)' : describeDate(row.completed, row.completedText);
    lines.push({ text: `Due ${describeDate(row.due, row.dueText)} · Completed ${completed}`, cls: 'tip-dates' });
    if (row.forecast !== null && row.progress !== 'completed') {
      const late = row.due === null ? null : Math.round((row.forecast - row.due) / dayMs);
      lines.push({ text: `Forecast ${formatDay(row.forecast)}${late === null || late === 0 ? '' : ` · ${Math.abs(late)} day${Math.abs(late) === 1 ? '' : 's'} ${late > 0 ? 'late' : 'early'}`}`, cls: 'tip-dates' });
    }
    const moved = baselineSlip(row);
    if (moved !== null && row.baselineDue !== null) lines.push({ text: `Baseline due ${formatDay(row.baselineDue)} · ${moved === 0 ? 'unchanged' : `${Math.abs(moved)} day${Math.abs(moved) === 1 ? '' : 's'} ${moved > 0 ? 'later' : 'earlier'} now`}`, cls: 'tip-dates' });
    lines.push({ text: `State: ${row.state}`, cls: `tip-state state-${row.state}` });
    if (row.float.text !== '') for (const line of wrap(`Float: ${row.float.text}`, wrapAt, 2)) lines.push({ text: line, cls: `tip-float${row.float.critical ? ' critical' : ''}` });
  }
  const listed = (ids: readonly string[]) => (ids.length > maxLinks ? `${ids.slice(0, maxLinks).join(', ')} and ${ids.length - maxLinks} more` : ids.join(', '));
  if (row.predecessors.length > 0) {
    const ids = row.predecessors.map((link) => (link.id === row.driving ? `${link.id} (driving)` : link.id));
    for (const line of wrap(`Predecessors: ${listed(ids)}`, wrapAt, 3)) lines.push({ text: line, cls: 'tip-links' });
  }
  if (row.successors.length > 0) for (const line of wrap(`Successors: ${listed(row.successors)}`, wrapAt, 3)) lines.push({ text: line, cls: 'tip-links' });
  for (const problem of row.problems.slice(0, maxProblems)) {
    wrap(`${problem.severity}: ${problem.message}`, wrapAt, 3).forEach((line, index) =>
      lines.push({ text: index === 0 ? `● ${line}` : `   ${line}`, cls: `tip-problem severity-${problem.severity}` }),
    );
  }
  if (row.problems.length > maxProblems) lines.push({ text: `and ${row.problems.length - maxProblems} more problems`, cls: 'tip-more' });
  return lines;
}

export class Tooltip {
  private readonly layer: SVGSVGElement;
  private readonly group: SVGGElement;
  private current: Row | null = null;

  constructor(parent: HTMLElement) {
    this.layer = svg('svg', { class: 'tooltip-layer', 'aria-hidden': 'true' }, parent);
    this.group = svg('g', { class: 'tooltip', visibility: 'hidden' }, this.layer);
  }

  show(row: Row, clientX: number, clientY: number): void {
    const width = window.innerWidth;
    const height = window.innerHeight;
    this.layer.setAttribute('width', String(width));
    this.layer.setAttribute('height', String(height));
    if (this.current !== row) {
      this.current = row;
      clear(this.group);
      const box = svg('rect', { class: 'tooltip-box', x: 0, y: 0, rx: 4 }, this.group);
      const lineHeight = 17;
      const lines = linesOf(row);
      let widest = 0;
      lines.forEach((line, index) => {
        const element = svg('text', { class: line.cls, x: 10, y: 20 + index * lineHeight }, this.group);
        text(element, line.text);
        widest = Math.max(widest, element.getComputedTextLength());
      });
      box.setAttribute('width', String(Math.ceil(widest) + 20));
      box.setAttribute('height', String(lines.length * lineHeight + 12));
    }
    const box = this.group.getBBox();
    // Below and right of the pointer, flipped when it would leave the window.
    let x = clientX + 14;
    let y = clientY + 16;
    if (x + box.width > width - 4) x = Math.max(4, clientX - box.width - 10);
    if (y + box.height > height - 4) y = Math.max(4, clientY - box.height - 10);
    this.group.setAttribute('transform', `translate(${Math.round(x)} ${Math.round(y)})`);
    this.group.setAttribute('visibility', 'visible');
  }

  hide(): void {
    this.current = null;
    this.group.setAttribute('visibility', 'hidden');
  }
}
