// Keeps the server's footprint near what it really holds while the user types. Each keystroke in a
// large plan replaces its whole text (megabytes) with a new string; V8 collects the old ones only at
// a full collection, which it puts off until the heap is up to four times the live size (seen: 1.1 GB
// for 250 MB live at 10,000 milestones). Once editing starts the heap may grow by a smaller factor,
// so V8's own concurrent collector runs sooner; a full collection when the user pauses returns the rest.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;
try {
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
} catch {
  collect = undefined; // without it, V8 collects on its own schedule
}

/** Heap growth allowed between full collections once editing starts, in percent of the live size. */
const editingHeapGrowthPercent = 40;
let editing = false;

const idleMilliseconds = 1500;
const threshold = 64 * 1024 * 1024;
let churn = 0;
let timer: NodeJS.Timeout | undefined;

/** Notes that `bytes` of text were replaced; collects once the server is idle and enough was replaced. */
export function noteReplacedText(bytes: number): void {
  if (!editing) {
    editing = true;
    // Not at start: opening a workspace builds its model in one go, and a small growth factor there
    // would only add full collections to the time until the first diagnostics.
    try {
      setFlagsFromString(`--heap-growing-percent=${editingHeapGrowthPercent}`);
    } catch {
      // an engine without the flag grows the heap on its own schedule
    }
  }
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
