// A cheap fingerprint of a site's source files (paths, sizes, mtimes). The dev server compares
// it on each page request, so a change is picked up even when a file-watcher event was missed
// (editors' tools replace files in ways watchers do not always report).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function contentSignature(dirs: readonly string[]): string {
  const parts: string[] = [];
  for (const dir of dirs) {
    let entries;
    try {
      entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !/\.(mdx|ya?ml)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (stat) parts.push(`${file}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return parts.sort().join('\n');
}

/** The files added, changed or removed between two signatures, sorted. */
export function changedFiles(before: string, after: string): string[] {
  const stamps = (signature: string) => new Map(signature.split('\n').filter(Boolean).map((line) => {
    const stamp = line.lastIndexOf(':', line.lastIndexOf(':') - 1);
    return [line.slice(0, stamp), line.slice(stamp + 1)] as const;
  }));
  const was = stamps(before);
  const now = stamps(after);
  const files = new Set<string>();
  for (const [file, stamp] of now) if (was.get(file) !== stamp) files.add(file);
  for (const file of was.keys()) if (!now.has(file)) files.add(file);
  return [...files].sort();
}
