// Bounds for tests that must not hang. They detect a server that stopped answering, never a slow
// one: a busy 2-core machine is not a bug, and how fast answers come is measured by `npm run bench`.

/** The bound on one answer of the server. */
export const hangBound = 15_000;
/** The bound on one answer that reads a whole large input (a 100,000-row glossary, 2,000 files). */
export const heavyAnswerBound = 60_000;

/** Resolves as `promise` does, or rejects when it has not settled within `bound` milliseconds. */
export function unlessHung<T>(promise: Promise<T>, what: string, bound = hangBound): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer after ${bound} ms (waited ${Math.round(performance.now() - started)} ms): the server hangs`)), bound);
    }),
  ]);
}
