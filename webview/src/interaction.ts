// How the user works the chart with pointer and keyboard: click to reveal or fold, hover for a
// tooltip, drag to pan, Ctrl+wheel to zoom, arrows to move between rows, +/-/0 to zoom, / to filter.
import type { Chart, RenderedRow } from './chart';
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

  chart.body.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    start = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop, id: event.pointerId };
  });
  chart.body.addEventListener('pointermove', (event) => {
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
