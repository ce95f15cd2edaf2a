// 索引号 (src/content/index-number.ts, OPEN-02): stable, unique, and explicit where a document has one.
import { describe, expect, it } from 'vitest';
import { indexNumberOf, indexSerial, SERIAL_DIGITS } from '../../src/content/index-number.ts';

const CODE = '11590000MB0000000X';

describe('indexNumberOf', () => {
  it('is <organizer code>/<year>-<serial>, the year of the written date, else of the publish date', () => {
    expect(indexNumberOf({ itemId: 'policies/a', pubDate: '2026-03-01 09:00' }, CODE)).toMatch(new RegExp(`^${CODE}/2026-\\d{${SERIAL_DIGITS}}$`));
    expect(indexNumberOf({ itemId: 'policies/a', pubDate: '2026-01-05 09:00', writtenDate: '2025-12-30' }, CODE)).toMatch(/\/2025-/);
  });

  it('depends only on the item’s permanent address: the same on every build, whatever else the site holds', () => {
    const a = indexNumberOf({ itemId: 'policies/a', pubDate: '2026-03-01 09:00' }, CODE);
    expect(indexNumberOf({ itemId: 'policies/a', pubDate: '2026-03-01 09:00' }, CODE)).toBe(a);
    expect(indexNumberOf({ itemId: 'policies/b', pubDate: '2026-03-01 09:00' }, CODE)).not.toBe(a);
    // A pinned value, so that a change of the scheme is a decision, not an accident: published numbers must not move.
    expect(indexSerial('policies/2025-enterprise-registration-measures')).toBe('0664921');
    expect(indexSerial('policies/a')).toHaveLength(SERIAL_DIGITS);
  });

  it('spreads serials: 10,000 items of a year meet rarely', () => {
    const serials = new Set(Array.from({ length: 10_000 }, (_, i) => indexSerial(`news/item-${i}`)));
    expect(serials.size).toBeGreaterThanOrEqual(9_990);
  });

  it('takes an explicit indexNumber as it is', () => {
    expect(indexNumberOf({ itemId: 'policies/a', pubDate: '2026-03-01 09:00', indexNumber: '000014349/2026-00123' }, CODE)).toBe('000014349/2026-00123');
  });
});
