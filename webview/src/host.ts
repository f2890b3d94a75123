// The webviews' host: VS Code's webview API, or, in a plain browser, none (the page still draws
// what it is sent, and keeps its state in memory).
import type { FromTimeline } from '../../common/timelineMessages';

export interface Host {
  postMessage(message: FromTimeline): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): Host;

export function acquireHost(): Host {
  if (typeof acquireVsCodeApi === 'function') return acquireVsCodeApi();
  let state: unknown;
  return { postMessage: () => undefined, getState: () => state, setState: (value) => (state = value) };
}
