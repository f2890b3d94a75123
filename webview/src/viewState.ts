// What the timeline keeps through `getState()/setState()` when VS Code hides or reloads it: zoom,
// scroll, folded milestones, filters, arrows and the critical chains dimmed or not. Read back defensively, since older versions may have stored other shapes.
import type { ItemState } from '../../common/planSnapshot';
import { itemStates } from './model';

export interface ViewState {
  /** Pixels per day, or null to fit the plan into the width. */
  zoom: number | null;
  scrollLeft: number;
  scrollTop: number;
  collapsed: string[];
  text: string;
  states: ItemState[];
  /** Whether predecessor arrows are drawn, or null for the default (on up to a few thousand links). */
  arrows: boolean | null;
  /** Whether what is not on a critical chain is dimmed. */
  criticalOnly: boolean;
}

export function defaultViewState(): ViewState {
  return { zoom: null, scrollLeft: 0, scrollTop: 0, collapsed: [], text: '', states: [...itemStates], arrows: null, criticalOnly: false };
}

const finite = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback);

export function readViewState(stored: unknown): ViewState {
  const state = defaultViewState();
  if (typeof stored !== 'object' || stored === null) return state;
  const value = stored as Record<string, unknown>;
  state.zoom = typeof value.zoom === 'number' && Number.isFinite(value.zoom) && value.zoom > 0 ? value.zoom : null;
  state.scrollLeft = finite(value.scrollLeft, 0);
  state.scrollTop = finite(value.scrollTop, 0);
  if (Array.isArray(value.collapsed)) state.collapsed = value.collapsed.filter((id): id is string => typeof id === 'string').slice(0, 10_000);
  if (typeof value.text === 'string') state.text = value.text.slice(0, 500);
  if (typeof value.arrows === 'boolean') state.arrows = value.arrows;
  if (typeof value.criticalOnly === 'boolean') state.criticalOnly = value.criticalOnly;
  if (Array.isArray(value.states)) state.states = itemStates.filter((known) => (value.states as unknown[]).includes(known));
  return state;
}
