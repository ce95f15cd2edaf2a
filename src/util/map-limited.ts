// Promise.all over a mapping, with at most `limit` calls in flight. Loading a platform reads
// every item file; at 50,000 items Promise.all opened them all at once and ran out of file
// descriptors (EMFILE at the usual limit of 20,000).
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
