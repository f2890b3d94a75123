// The timeline's toolbar: the filter, a toggle per state with its count, the arrows and the critical
// chains, folding, zoom and export buttons. It draws and reports clicks; the timeline decides what they do.
import type { ItemState } from '../../common/planSnapshot';
import { html, text } from './dom';
import { itemStates } from './model';

export const stateLabels: Record<ItemState, string> = { completed: 'Completed', open: 'Open', overdue: 'Overdue', inconsistent: 'Inconsistent', unknown: 'Not defined' };

export interface ToolbarActions {
  filterChanged(text: string): void;
  stateToggled(state: ItemState): void;
  expandAll(): void;
  collapseAll(): void;
  zoomIn(): void;
  zoomOut(): void;
  fit(): void;
  exportImage(format: 'svg' | 'png'): void;
  arrowsToggled(): void;
  criticalToggled(): void;
}

export class Toolbar {
  readonly filterInput: HTMLInputElement;
  private readonly stateButtons = new Map<ItemState, { button: HTMLButtonElement; count: HTMLElement }>();
  private readonly zoomLabel: HTMLElement;
  private readonly arrowsButton: HTMLButtonElement;
  private readonly criticalButton: HTMLButtonElement;

  constructor(root: HTMLElement, filterText: string, actions: ToolbarActions) {
    const toolbar = html('header', { class: 'toolbar' }, root);
    const left = html('div', { class: 'toolbar-group' }, toolbar);
    this.filterInput = html('input', { class: 'filter', type: 'search', placeholder: 'Filter by ID or name', 'aria-label': 'Filter by ID or name', spellcheck: 'false' }, left);
    this.filterInput.value = filterText;
    this.filterInput.addEventListener('input', () => actions.filterChanged(this.filterInput.value));
    const states = html('div', { class: 'state-toggles', role: 'group', 'aria-label': 'Show states' }, left);
    for (const state of itemStates) {
      const button = html('button', { class: `state-toggle state-${state}`, type: 'button', 'data-state': state, title: `Show ${stateLabels[state].toLowerCase()} items` }, states);
      html('span', { class: 'swatch' }, button);
      text(button, stateLabels[state]);
      const count = html('span', { class: 'count' }, button);
      button.addEventListener('click', () => actions.stateToggled(state));
      this.stateButtons.set(state, { button, count });
    }

    const right = html('div', { class: 'toolbar-group' }, toolbar);
    this.arrowsButton = button(right, 'Arrows', 'toggle-arrows', () => actions.arrowsToggled(), 'Show or hide the arrows from predecessors');
    this.criticalButton = button(right, 'Critical', 'toggle-critical', () => actions.criticalToggled(), 'Dim what is not on a critical chain');
    html('span', { class: 'separator' }, right);
    button(right, 'Expand all', 'expand-all', () => actions.expandAll());
    button(right, 'Collapse all', 'collapse-all', () => actions.collapseAll());
    html('span', { class: 'separator' }, right);
    button(right, '−', 'zoom-out', () => actions.zoomOut(), 'Zoom out (-)');
    this.zoomLabel = html('span', { class: 'zoom-level', 'aria-live': 'polite' }, right);
    button(right, '+', 'zoom-in', () => actions.zoomIn(), 'Zoom in (+)');
    button(right, 'Fit', 'zoom-reset', () => actions.fit(), 'Fit the plan to the width (0)');
    html('span', { class: 'separator' }, right);
    button(right, 'SVG', 'export-svg', () => actions.exportImage('svg'), 'Export the chart as SVG');
    button(right, 'PNG', 'export-png', () => actions.exportImage('png'), 'Export the chart as PNG');
  }

  /** Which states are shown, and how many items are in each. */
  showStates(shown: ReadonlySet<ItemState>, counts?: Record<ItemState, number>): void {
    for (const [state, { button, count }] of this.stateButtons) {
      button.setAttribute('aria-pressed', String(shown.has(state)));
      if (counts) count.textContent = String(counts[state]);
    }
  }

  /** Whether arrows are drawn, and how many links there are. */
  showArrows(on: boolean, links: number): void {
    this.arrowsButton.setAttribute('aria-pressed', String(on));
    this.arrowsButton.hidden = links === 0;
    this.arrowsButton.title = `${on ? 'Hide' : 'Show'} the arrows of ${links} predecessor link${links === 1 ? '' : 's'}`;
  }

  /** Whether what is not critical is dimmed, and how many critical items there are. */
  showCritical(on: boolean, critical: number): void {
    this.criticalButton.setAttribute('aria-pressed', String(on));
    this.criticalButton.hidden = critical === 0;
    const title = on ? `Show every item as it is (${critical} critical)` : `Dim what is not on a critical chain (${critical} critical item${critical === 1 ? '' : 's'})`;
    this.criticalButton.title = title;
    this.criticalButton.setAttribute('aria-label', title);
  }

  showZoom(percent: number): void {
    this.zoomLabel.textContent = `${Math.round(percent)}%`;
  }
}

function button(parent: HTMLElement, label: string, name: string, action: () => void, title?: string): HTMLButtonElement {
  const element = html('button', { class: `tool ${name}`, type: 'button', 'data-action': name, title: title ?? label, 'aria-label': title ?? label }, parent);
  text(element, label);
  element.addEventListener('click', action);
  return element;
}
