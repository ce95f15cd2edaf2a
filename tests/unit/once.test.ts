// src/util/once.ts: the work starts on the first call only, and every call shares its promise.
import { describe, expect, it } from 'vitest';
import { once } from '../../src/util/once.ts';

describe('once', () => {
  it('starts the work on the first call and gives every call the same promise', async () => {
    let starts = 0;
    const load = once(async () => ++starts);
    expect(starts).toBe(0);
    const first = load();
    const second = load();
    expect(second).toBe(first);
    expect(await first).toBe(1);
    expect(await load()).toBe(1);
    expect(starts).toBe(1);
  });
});
