// Keeps the server's footprint near what it really holds. Each keystroke in a large plan replaces
// its whole text (megabytes) with a new string, which V8 frees only at a full collection. The
// flags of common/serverFlags.ts make those come sooner; a server started without them (by another
// editor) gets the heap growth factor, which V8 reads as it runs (the young generation is sized as
// it starts). A full collection when the user pauses returns the rest.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serverExecArgv } from '../../../common/serverFlags';

let collect: (() => void) | undefined;

/** Sets the collector's limits, once, as the server starts; the result is told of replaced text. */
export function idleGarbageCollection(): { noteReplacedText(bytes: number): void } {
  tuneGarbageCollection();
  return { noteReplacedText };
}

function tuneGarbageCollection(): void {
  for (const flag of serverExecArgv) {
    if (process.execArgv.includes(flag) || !flag.startsWith('--heap-growing-percent=')) continue;
    try {
      setFlagsFromString(flag);
    } catch {
      // an engine without the flag collects on its own schedule
    }
  }
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = undefined; // without it, V8 collects on its own schedule
  }
}

const idleMilliseconds = 1500;
const threshold = 64 * 1024 * 1024;
let churn = 0;
let timer: NodeJS.Timeout | undefined;

/** Notes that `bytes` of text were replaced or read; collects once the server is idle and enough was. */
function noteReplacedText(bytes: number): void {
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
