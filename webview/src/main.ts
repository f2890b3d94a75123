// The timeline webview's entry: connects the timeline to its host (VS Code's webview API, or none
// in a plain browser) and hands it the messages the extension posts, once validated.
import { parseToTimeline } from './incoming';
import { Timeline, type Host } from './timeline';

declare function acquireVsCodeApi(): Host;

/** Outside VS Code (a plain browser) there is no host; the page still draws what it is sent. */
function acquireHost(): Host {
  if (typeof acquireVsCodeApi === 'function') return acquireVsCodeApi();
  let state: unknown;
  return { postMessage: () => undefined, getState: () => state, setState: (value) => (state = value) };
}

const host = acquireHost();
const timeline = new Timeline(document.getElementById('timeline') ?? document.body, host);
window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToTimeline(event.data);
  if (!message) return;
  if (message.type === 'defaults') timeline.setDefaults(message.defaults);
  else if (message.type === 'status') timeline.setStatus(message.message);
  else if (message.type === 'plan') timeline.setPlan(message.plan);
  else timeline.setHighlight(message.id);
});
host.postMessage({ type: 'ready' });
