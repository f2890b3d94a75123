// Returns memory to the system after a burst of edits. Each keystroke in a large plan replaces its
// whole text (megabytes) with a new string; V8 collects the old ones only at a full collection,
// which it may put off until the heap is several times the live size. A collection when the user
// pauses keeps the server's footprint near what it really holds.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;
try {
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
} catch {
  collect = undefined; // without it, V8 collects on its own schedule
}

const idleMilliseconds = 1500;
const threshold = 64 * 1024 * 1024;
let churn = 0;
let timer: NodeJS.Timeout | undefined;

/** Notes that `bytes` of text were replaced; collects once the server is idle and enough was replaced. */
export function noteReplacedText(bytes: number): void {
  if (!collect) return;
  churn += bytes;
  if (timer) clearTimeout(timer);
  if (churn < threshold) return;
  timer = setTimeout(() => {
    timer = undefined;
    churn = 0;
    collect?.();
  }, idleMilliseconds);
  timer.unref();
}
