import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: every path in a diagnostic is relative to it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A path relative to `root`, with forward slashes, as diagnostics print it. */
export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
