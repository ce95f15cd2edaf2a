// SRCH-02: the merge behind the portal's date-sorted platform-wide search (templates/scripts/merge-by-date.ts).
import { describe, expect, it } from 'vitest';
import { mergeByKey } from '../../templates/scripts/merge-by-date.ts';

const key = async (item: string) => item.slice(0, 10);

describe('mergeByKey (SRCH-02)', () => {
  it('merges per-site lists, each newest first, into one list newest first', async () => {
    const portal = ['2026-11-21 portal', '2026-09-08 portal', '2026-01-02 portal'];
    const county = ['2026-11-21 county', '2026-11-18 county', '2026-03-01 county'];
    const bureau = ['2026-11-13 bureau'];
    expect(await mergeByKey([portal, county, bureau], key, 7)).toEqual([
      // Equal dates keep the lists' order.
      '2026-11-21 portal',
      '2026-11-21 county',
      '2026-11-18 county',
      '2026-11-13 bureau',
      '2026-09-08 portal',
      '2026-03-01 county',
      '2026-01-02 portal',
    ]);
  });

  it('reads keys only as far as the results asked for, and keeps every result for the count', async () => {
    const read: string[] = [];
    const lists = [
      ['2026-05-01 a', '2026-04-01 a', '2026-03-01 a', '2026-02-01 a'],
      ['2026-04-15 b', '2026-01-01 b'],
    ];
    const merged = await mergeByKey(lists, async (item) => (read.push(item), item), 2);
    expect(merged.slice(0, 2)).toEqual(['2026-05-01 a', '2026-04-15 b']);
    expect(merged).toHaveLength(6);
    expect(new Set(merged)).toEqual(new Set(lists.flat()));
    // The two shown, and the next head of each list to compare them with: not the whole lists.
    expect(read.sort()).toEqual(['2026-04-01 a', '2026-04-15 b', '2026-05-01 a'].sort());
  });

  it('sorts oldest first when asked, and copes with empty lists', async () => {
    expect(await mergeByKey([[], ['2026-01-01 x', '2026-03-01 x'], ['2026-02-01 y']], key, 10, 'asc')).toEqual(['2026-01-01 x', '2026-02-01 y', '2026-03-01 x']);
    expect(await mergeByKey([[], []], key, 10)).toEqual([]);
  });
});
