// The messages between the extension and the timeline webview (postMessage in both directions).
import type { PlanSnapshot } from './planSnapshot';
import type { TrendEvery, TrendHistory } from './trendSeries';

/** Extension → timeline webview. */
export type ToTimeline =
  | { type: 'defaults'; defaults: TimelineDefaults }
  | { type: 'plan'; plan: PlanSnapshot }
  | { type: 'highlight'; id: string | null }
  /** Why the plan shown may be out of date (the server is not running), or null once it is current. */
  | { type: 'status'; message: string | null }
  /** The Trend view's history, read with its steps, or why there is none. */
  | { type: 'trend'; every: TrendEvery; history: TrendHistory | null; reason: string | null };

/** How a timeline opened for the first time starts (settings `milestones.timeline.*`). */
export interface TimelineDefaults {
  /** Start with every milestone folded. */
  collapseFeatures: boolean;
  /** Zoom in percent of the width that fits the whole plan. */
  zoom: number;
}

/** Timeline webview → extension. */
export type FromTimeline =
  | { type: 'ready' }
  | { type: 'reveal'; id: string }
  /** A marker dragged or nudged: move the item's expected date by so many days (the extension previews it first). */
  | { type: 'move'; id: string; days: number }
  | { type: 'exportImage'; format: 'svg' | 'png'; data: string }
  /** The Trend view asks for its history with other steps. */
  | { type: 'trendSteps'; every: TrendEvery };
