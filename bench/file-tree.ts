// Counting a build's output: HTML pages and bytes on disk.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function countFiles(dir: string, suffix: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) count++;
  }
  return count;
}

export function treeBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
