// SRCH-02: results sorted by date across merged search indexes (search.ts).
//
// Pagefind sorts each merged index on its own and gives a result the score of its position in
// its own index's order, then interleaves the indexes by that score: on the portal, its own
// items of 2026-09 came before a county's of 2026-11 (measured on the demo platform). So the
// search page asks each merged index (the other sites', and the parts of a large site's own:
// src/index/search-parts.ts) for its results apart, each list already in date order, and merges
// the lists here by the dates at their heads. A date is read from a result's data (one fragment each), and
// only as far as the page shown: the results after it follow in site order, for the count.

/** Merges lists that are each in `direction` order by key into one list in that order, up to `count`. */
export async function mergeByKey<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => Promise<string>,
  count: number,
  direction: 'asc' | 'desc' = 'desc',
): Promise<T[]> {
  const next = lists.map(() => 0);
  const keys = new Map<T, string>();
  const key = async (item: T) => {
    if (!keys.has(item)) keys.set(item, await keyOf(item));
    return keys.get(item)!;
  };
  const merged: T[] = [];
  while (merged.length < count) {
    const heads = lists.map((list, i) => list[next[i]!]);
    const headKeys = await Promise.all(heads.map((head) => (head === undefined ? undefined : key(head))));
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const k = headKeys[i];
      if (k === undefined) continue;
      const bestKey = headKeys[best];
      // Ties keep the lists' order: the same search gives the same page.
      if (best < 0 || (direction === 'desc' ? k > bestKey! : k < bestKey!)) best = i;
    }
    if (best < 0) break;
    merged.push(heads[best]!);
    next[best] = next[best]! + 1;
  }
  return [...merged, ...lists.flatMap((list, i) => list.slice(next[i]))];
}
