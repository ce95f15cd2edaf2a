// mapLimited keeps loading a 50,000-item platform under the file descriptor limit.
import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../src/util/map-limited.ts';

describe('mapLimited', () => {
  it('keeps at most `limit` calls in flight and returns results in input order', async () => {
    let inFlight = 0;
    let most = 0;
    const input = Array.from({ length: 200 }, (_, i) => i);
    const output = await mapLimited(input, 7, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
      inFlight--;
      return n * 2;
    });
    expect(most).toBe(7);
    expect(output).toEqual(input.map((n) => n * 2));
  });

  it('rejects when a call fails', async () => {
    await expect(mapLimited([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('bad');
      return n;
    })).rejects.toThrow('bad');
  });
});
