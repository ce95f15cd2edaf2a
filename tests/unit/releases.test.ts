// PUB-03 on the server (src/publish/releases.ts): releases side by side, `current` switched by one
// rename, `previous` kept, everything else pruned; a reader following `current` during a publish
// sees the old release or the new one, complete, never a mix.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashTree, makeManifest, type IntegrityManifest } from '../../src/publish/integrity-manifest.ts';
import { installRelease, rollback } from '../../src/publish/releases.ts';
import { differs, verifyDirectory } from '../../src/publish/verify.ts';

let work: string;
let target: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'govsite-releases-'));
  target = path.join(work, 'srv');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A built site of `files` with its manifest. */
async function build(name: string, version: string, files = 40): Promise<{ dir: string; manifest: IntegrityManifest }> {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'news'), { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(path.join(dir, 'news', `${i}.html`), `${version}\n`.repeat(2000));
  writeFileSync(path.join(dir, 'index.html'), version);
  const manifest = makeManifest('demo', await hashTree(dir));
  writeFileSync(path.join(dir, 'govsite-integrity.json'), JSON.stringify(manifest));
  return { dir, manifest };
}

const check = (dir: string, manifest: IntegrityManifest) => async (copy: string) =>
  differs(await verifyDirectory(dir, manifest, copy)) ? 'differs' : undefined;
const install = (b: { dir: string; manifest: IntegrityManifest }) => installRelease(b.dir, b.manifest, target, check(b.dir, b.manifest));
const current = () => readlinkSync(path.join(target, 'current'));

describe('releases', () => {
  it('switches current, keeps previous, prunes the rest, and goes back to a kept build without copying', async () => {
    const [a, b, c] = [await build('a', 'A'), await build('b', 'B'), await build('c', 'C')];
    await install(a);
    const first = current();
    await install(b);
    expect(readlinkSync(path.join(target, 'previous'))).toBe(first);
    await install(c);
    expect(readdirSync(path.join(target, 'releases'))).toHaveLength(2);
    expect(readFileSync(path.join(target, 'current', 'index.html'), 'utf8')).toBe('C');
    await rollback(target);
    expect(readFileSync(path.join(target, 'current', 'index.html'), 'utf8')).toBe('B');
    // Publishing C again (the release kept as previous) switches back to it.
    const result = await install(c);
    expect(result.unchanged).toBe(false);
    expect(readFileSync(path.join(target, 'current', 'index.html'), 'utf8')).toBe('C');
    expect(readdirSync(path.join(target, 'releases'))).toHaveLength(2);
  });

  it('replaces a damaged live copy of the same build with a fresh, checked one', async () => {
    const a = await build('a', 'A');
    await install(a);
    writeFileSync(path.join(target, 'current', 'index.html'), 'defaced');
    const result = await install(a);
    expect(result.unchanged).toBe(false);
    expect(current()).toMatch(/-2$/);
    expect(readFileSync(path.join(target, 'current', 'index.html'), 'utf8')).toBe('A');
  });

  it('publishes nothing when the copy does not match the manifest', async () => {
    const a = await build('a', 'A');
    await install(a);
    const b = await build('b', 'B');
    await expect(installRelease(b.dir, b.manifest, target, async () => 'differs')).rejects.toThrow('未发布');
    expect(readFileSync(path.join(target, 'current', 'index.html'), 'utf8')).toBe('A');
    expect(readdirSync(path.join(target, 'releases')).filter((e) => e.startsWith('.incoming'))).toEqual([]);
  });

  it('never shows a reader half a release while publishing back and forth', async () => {
    const a = await build('a', 'A', 200);
    const b = await build('b', 'B', 200);
    await install(a);
    let reading = true;
    const mixed: string[] = [];
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        // Open the release once, as nginx resolves `current` once per request, then read two files of it.
        const release = path.join(target, current());
        if (!existsSync(release)) continue;
        const index = readFileSync(path.join(release, 'index.html'), 'utf8');
        const page = readFileSync(path.join(release, 'news', '199.html'), 'utf8').slice(0, 1);
        if (index !== page) mixed.push(`${index}/${page}`);
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 6; i++) {
      await install(i % 2 === 0 ? b : a);
      await rollback(target);
    }
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(10);
    expect(mixed).toEqual([]);
  });
});
