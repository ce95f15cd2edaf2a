// What a Pagefind bundle's meta file names. `pagefind.<hash>.pf_meta` is gzipped CBOR after a
// `pagefind_dcd` marker (pagefind/src/output/mod.rs), and lists, among its strings, the hash of
// every fragment, index chunk and filter file of the bundle: files it does not name are not part
// of it (reuse-hashed-files.ts removes them).
import { gunzipSync } from 'node:zlib';

const MARKER = 'pagefind_dcd';

/** Every text string in a meta file's bytes. */
export function metaStrings(file: Uint8Array): Set<string> {
  const bytes = Buffer.from(gunzipSync(file));
  if (bytes.toString('latin1', 0, MARKER.length) !== MARKER) throw new Error('不是 Pagefind 的索引元数据文件（pf_meta）');
  const strings = new Set<string>();
  let at = MARKER.length;
  // CBOR (RFC 8949): a head byte of major type and argument, then the argument's bytes.
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error('Pagefind 索引元数据中有不定长的 CBOR 项');
    const value = size === 8 ? Number(bytes.readBigUInt64BE(at)) : bytes.readUIntBE(at, size);
    at += size;
    return value;
  };
  // Items still to read: arrays and maps add their members, so nesting needs no recursion.
  let pending = 1;
  while (pending > 0) {
    pending--;
    if (at >= bytes.length) throw new Error('Pagefind 索引元数据不完整');
    const head = bytes[at++]!;
    const major = head >> 5;
    const value = argument(head & 31);
    if (major === 2) at += value;
    else if (major === 3) {
      strings.add(bytes.toString('utf8', at, at + value));
      at += value;
    } else if (major === 4) pending += value;
    else if (major === 5) pending += 2 * value;
    else if (major === 6) pending += 1;
  }
  return strings;
}
