// Work started the first time it is asked for, and shared by every later ask: the modules a step
// loads only when it runs (load-items.ts, build-site.ts), so start-up does not pay for them.

/** A function that calls `start` on its first call and returns that same promise on every call. */
export function once<T>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= start());
}
