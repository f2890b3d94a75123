// The Burndown webview's entry: connects the view to its host (VS Code's webview API, or none in a
// plain browser) and hands it the plan and status the extension posts, once validated.
import { Burndown } from './burndown';
import { acquireHost } from './host';
import { parseToTimeline } from './incoming';

const host = acquireHost();
const burndown = new Burndown(document.getElementById('burndown') ?? document.body, host);
window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToTimeline(event.data);
  if (message?.type === 'plan') burndown.setPlan(message.plan);
  else if (message?.type === 'status') burndown.setStatus(message.message);
});
host.postMessage({ type: 'ready' });
