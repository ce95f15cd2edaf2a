// Reading office attachments' text (src/rules/content/support/zip-entries.ts): attachments are
// hostile input, so a zip bomb, a truncated or a forged archive yields nothing, never a crash.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_BYTES, zipTexts } from '../../src/rules/content/support/zip-entries.ts';
import { makeZip } from '../helpers/zip.ts';

describe('zipTexts', () => {
  it('reads stored and deflated entries by name', () => {
    const all = () => true;
    expect(zipTexts(makeZip({ 'a.xml': '甲', 'b.xml': '乙' }), all)).toEqual([{ name: 'a.xml', text: '甲' }, { name: 'b.xml', text: '乙' }]);
    expect(zipTexts(makeZip({ 'a.xml': '甲' }, false), (n) => n === 'a.xml')).toEqual([{ name: 'a.xml', text: '甲' }]);
    expect(zipTexts(makeZip({ 'a.xml': '甲' }), (n) => n === 'other')).toEqual([]);
  });

  it('skips an entry that inflates past its ceiling (a zip bomb)', () => {
    const zip = makeZip({ 'word/document.xml': '<w:t>正常</w:t>' });
    // Forge an entry whose deflated bytes expand to twice the ceiling.
    const bomb = deflateRawSync(Buffer.alloc(MAX_ENTRY_BYTES * 2));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const forged = makeZip({ 'word/document.xml': 'x' });
    expect(zipTexts(zip, () => true)).toHaveLength(1);
    // The same archive with the bomb's bytes in place of the entry's.
    const local = Buffer.from(forged.subarray(0, 30 + 'word/document.xml'.length));
    local.writeUInt32LE(bomb.length, 18);
    const central = Buffer.from(forged.subarray(forged.length - 22 - 46 - 'word/document.xml'.length, forged.length - 22));
    central.writeUInt32LE(bomb.length, 20);
    const end = Buffer.from(forged.subarray(forged.length - 22));
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(local.length + bomb.length, 16);
    expect(zipTexts(Buffer.concat([local, bomb, central, end]), () => true)).toEqual([]);
  });

  it('yields nothing for a truncated archive, garbage, or an empty file', () => {
    const zip = makeZip({ 'a.xml': '甲' });
    expect(zipTexts(zip.subarray(0, zip.length - 30), () => true)).toEqual([]);
    expect(zipTexts(Buffer.from('PK\x05\x06 not really a zip at all, just text'), () => true)).toEqual([]);
    expect(zipTexts(Buffer.alloc(0), () => true)).toEqual([]);
  });
});
