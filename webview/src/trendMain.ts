// The Trend webview's entry: connects the view to its host (VS Code's webview API, or none in a
// plain browser), hands it the trend and status the extension posts, once validated, and asks for
// the steps the view kept when they are not the default.
import { acquireHost } from './host';
import { parseToTimeline } from './incoming';
import { Trend } from './trend';

const host = acquireHost();
const trend = new Trend(document.getElementById('trend') ?? document.body, host);
window.addEventListener('message', (event: MessageEvent) => {
  const message = parseToTimeline(event.data);
  if (message?.type === 'trend') trend.setTrend(message.every, message.history, message.reason);
  else if (message?.type === 'status') trend.setStatus(message.message);
});
host.postMessage({ type: 'ready' });
if (trend.steps !== 'month') host.postMessage({ type: 'trendSteps', every: trend.steps });
