import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../src/util/closest-name.ts';

describe('closestName', () => {
  const fields = ['title', 'pubDate', 'source', 'reviewedBy', 'keywords', 'description'];
  it('finds case slips, swapped and missing letters', () => {
    expect(closestName('pubdate', fields)).toBe('pubDate');
    expect(closestName('soruce', fields)).toBe('source');
    expect(closestName('keyword', fields)).toBe('keywords');
    expect(closestName('reviewdBy', fields)).toBe('reviewedBy');
  });
  it('offers nothing when no name is close', () => {
    expect(closestName('color', fields)).toBeUndefined();
  });
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('emial', 'email')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
