// How the user works the chart with pointer and keyboard: click to reveal or fold, hover for a
// tooltip, drag to pan, drag a marker to move its date (Escape cancels), Ctrl+wheel to zoom, arrows to
// move between rows, Shift+arrows (a day) and Shift+Page Up/Down (a week) to move the focused row's
// date and Enter to ask for it, +/-/0 to zoom, / to filter.
import type { Chart, RenderedRow } from './chart';
import type { MarkerMove } from './markerMove';
import type { Row } from './model';
import type { Tooltip } from './tooltip';

/** What the interactions ask of the timeline. */
export interface ChartControls {
  readonly chart: Chart;
  readonly tooltip: Tooltip;
  toggle(row: Row): void;
  reveal(row: Row): void;
  focusRow(key: string): void;
  zoomBy(factor: number, clientX?: number): void;
  resetZoom(): void;
  scrolled(left: number, top: number): void;
  /** Escape in the filter field, with text in it. */
  clearFilter(): void;
  /** The marker being moved, if any. */
  readonly move: MarkerMove;
}

export const zoomStep = 1.5;

export function wirePointer(controls: ChartControls): void {
  const { chart, tooltip } = controls;
  const { viewport } = chart;
  let hovered: RenderedRow | undefined;
  const setHover = (rendered: RenderedRow | undefined) => {
    if (hovered === rendered) return;
    hovered?.label.classList.remove('hover');
    hovered?.body.classList.remove('hover');
    hovered = rendered;
    rendered?.label.classList.add('hover');
    rendered?.body.classList.add('hover');
  };
  // Drag the chart body to pan; a drag is not a click.
  let dragging = false;
  let suppressClick = false;
  let start: { x: number; y: number; left: number; top: number; id: number } | null = null;
  viewport.addEventListener('click', (event) => {
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    const rendered = chart.rowOf(event.target);
    if (!rendered) return;
    const onToggle = event.target instanceof Element && event.target.closest('.toggle');
    if (onToggle) controls.toggle(rendered.view.row);
    else controls.reveal(rendered.view.row);
  });
  viewport.addEventListener('mousemove', (event) => {
    if (dragging) return;
    const rendered = chart.rowOf(event.target);
    setHover(rendered);
    if (rendered) tooltip.show(rendered.view.row, event.clientX, event.clientY);
    else tooltip.hide();
  });
  viewport.addEventListener('mouseleave', () => {
    setHover(undefined);
    tooltip.hide();
  });
  viewport.addEventListener('scroll', () => {
    tooltip.hide();
    controls.scrolled(viewport.scrollLeft, viewport.scrollTop);
  });
  viewport.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      controls.zoomBy(Math.exp(-event.deltaY * 0.002), event.clientX);
    },
    { passive: false },
  );

  // A marker's drag: from where it started, in days at the chart's scale; Escape gives it up.
  // A drag given up stays until the pointer is released, so that its release is neither a click nor a move.
  let markerDrag: { x: number; id: number; pixelsPerDay: number; cancelled: boolean } | null = null;
  chart.body.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const marker = event.target instanceof Element && event.target.matches('.due:not(.ghost)');
    const rendered = marker ? chart.rowOf(event.target) : undefined;
    if (rendered && chart.axis && controls.move.start(rendered)) {
      markerDrag = { x: event.clientX, id: event.pointerId, pixelsPerDay: chart.axis.scale(new Date(86_400_000)) - chart.axis.scale(new Date(0)), cancelled: false };
      tooltip.hide();
      return;
    }
    start = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop, id: event.pointerId };
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !markerDrag || markerDrag.cancelled) return;
    controls.move.cancel();
    markerDrag.cancelled = true;
    event.preventDefault();
  });
  chart.body.addEventListener('pointermove', (event) => {
    if (markerDrag && event.pointerId === markerDrag.id) {
      const days = Math.round((event.clientX - markerDrag.x) / markerDrag.pixelsPerDay);
      // Captured once it moves, not on the press: a press alone stays a click on the marker (it reveals).
      if (days !== 0 && !chart.body.hasPointerCapture(event.pointerId)) chart.body.setPointerCapture(event.pointerId);
      if (!markerDrag.cancelled) controls.move.set(days);
      return;
    }
    if (!start || event.pointerId !== start.id) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!dragging && Math.hypot(dx, dy) < 4) return;
    if (!dragging) {
      dragging = true;
      chart.body.setPointerCapture(event.pointerId);
      viewport.classList.add('panning');
      tooltip.hide();
    }
    viewport.scrollLeft = start.left - dx;
    viewport.scrollTop = start.top - dy;
  });
  const end = (event: PointerEvent) => {
    if (markerDrag && event.pointerId === markerDrag.id) {
      const { cancelled } = markerDrag;
      markerDrag = null;
      // A drag (asked for or given up) is not a click; a press without a move is (it reveals the item).
      const moved = !cancelled && event.type === 'pointerup' && controls.move.days !== 0;
      if (cancelled || moved) {
        suppressClick = true;
        // The click that ends it fires right after, if it does; clear the flag if none does.
        setTimeout(() => (suppressClick = false), 0);
      }
      if (moved) controls.move.finish();
      else controls.move.cancel();
      return;
    }
    if (!start || event.pointerId !== start.id) return;
    if (dragging) {
      suppressClick = true;
      // The click that ends a drag fires right after; clear the flag if none does.
      setTimeout(() => (suppressClick = false), 0);
    }
    dragging = false;
    start = null;
    viewport.classList.remove('panning');
  };
  chart.body.addEventListener('pointerup', end);
  chart.body.addEventListener('pointercancel', end);
}

export function wireKeys(controls: ChartControls, filterInput: HTMLInputElement): void {
  const { chart } = controls;
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement) {
      if (event.key === 'Escape' && target.value !== '') {
        target.value = '';
        controls.clearFilter();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const rendered = chart.rowOf(target);
    if (rendered) {
      const row = rendered.view.row;
      const index = chart.rendered.indexOf(rendered);
      const handled = () => event.preventDefault();
      const nudges: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, PageDown: 7, PageUp: -7 };
      if (event.shiftKey && event.key in nudges) {
        if (controls.move.row !== row && !controls.move.start(rendered)) return;
        controls.move.by(nudges[event.key]!);
        return handled();
      }
      if (controls.move.row === row && (event.key === 'Enter' || event.key === 'Escape')) {
        if (event.key === 'Enter') controls.move.finish();
        else controls.move.cancel();
        return handled();
      }
      switch (event.key) {
        case 'Enter':
        case ' ':
          controls.reveal(row);
          return handled();
        case 'ArrowDown':
          chart.rendered[index + 1]?.label.focus();
          return handled();
        case 'ArrowUp':
          chart.rendered[index - 1]?.label.focus();
          return handled();
        case 'ArrowRight':
          if (rendered.view.collapsed) controls.toggle(row);
          return handled();
        case 'ArrowLeft':
          if (row.kind === 'milestone' && rendered.view.hasChildren && !rendered.view.collapsed) controls.toggle(row);
          else if (row.kind === 'feature') controls.focusRow(row.milestoneId);
          return handled();
      }
    }
    if (event.key === '+' || event.key === '=') controls.zoomBy(zoomStep);
    else if (event.key === '-') controls.zoomBy(1 / zoomStep);
    else if (event.key === '0') controls.resetZoom();
    else if (event.key === '/') {
      event.preventDefault();
      filterInput.focus();
    }
  });
}
