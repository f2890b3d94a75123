// Time bounds for tests that must not hang: a promise that fails when the server takes too long.

/** Resolves as `promise` does, or rejects when it has not settled within `ms` milliseconds. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (waited ${Math.round(performance.now() - started)} ms)`)), ms);
    }),
  ]);
}
