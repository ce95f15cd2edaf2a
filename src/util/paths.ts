import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: every path in a diagnostic is relative to it. Found from this file, except
 * where this file is bundled into Astro's page code (the item page renders bodies with the
 * site's plugins, which read data/): astro.config.mjs names the root for that case.
 */
export const projectRoot = process.env.GOVSITE_PROJECT_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A path relative to `root`, with forward slashes, as diagnostics print it. */
export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
