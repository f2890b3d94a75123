// The timeline webview's entry: connects the timeline to its host (VS Code's webview API, or none
// in a plain browser) and hands it the messages the extension posts, once validated.
import { parseToTimeline } from './incoming';
import { acquireHost } from './host';
import { Timeline } from './timeline';

const host = acquireHost();
const timeline = new Timeline(document.getElementById('timeline') ?? document.body, host);
window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToTimeline(event.data);
  if (!message) return;
  if (message.type === 'defaults') timeline.setDefaults(message.defaults);
  else if (message.type === 'status') timeline.setStatus(message.message);
  else if (message.type === 'plan') timeline.setPlan(message.plan);
  else if (message.type === 'highlight') timeline.setHighlight(message.id);
});
host.postMessage({ type: 'ready' });
