// Stands in for Astro's core/build/generate.js (astro-generate-hook.ts): renders the pages with
// Astro's own generatePages and, when the build asks for it (GOVSITE_KEEP_COMPILED_PAGES, a
// folder), keeps what a later render needs to do the same without Vite: the prerender bundle,
// Astro's build internals (which stylesheets and scripts each route's pages link), and the files
// Astro wrote before any page (the client build's `_astro/` files and the public folder's files).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { astroInternalUrl } from './astro-internals.ts';

const astroGenerate = (await import(astroInternalUrl('core/build/generate.js'))) as {
  generatePages(options: { settings: { config: { outDir: URL } } }, internals: unknown, prerenderOutputDir: URL): Promise<void>;
};

export const COMPILED_PAGES_FILES = 'files';
export const COMPILED_PAGES_BUNDLE = 'prerender';
export const COMPILED_PAGES_INTERNALS = 'internals.bin';

export async function generatePages(options: { settings: { config: { outDir: URL } } }, internals: unknown, prerenderOutputDir: URL): Promise<void> {
  const keep = process.env.GOVSITE_KEEP_COMPILED_PAGES;
  if (!keep) return astroGenerate.generatePages(options, internals, prerenderOutputDir);
  const outDir = fileURLToPath(options.settings.config.outDir);
  // Listed before the pages are written: what is there now, every render writes again.
  const before = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)));
  // Serialized as generatePages receives them: a later render hands them to it in the same state.
  const kept = serialize(internals);
  await astroGenerate.generatePages(options, internals, prerenderOutputDir);
  rmSync(keep, { recursive: true, force: true });
  mkdirSync(keep, { recursive: true });
  cpSync(fileURLToPath(prerenderOutputDir), path.join(keep, COMPILED_PAGES_BUNDLE), { recursive: true });
  // Less those the render removed (original images only the optimized copies replace).
  for (const file of before) if (existsSync(path.join(outDir, file))) cpSync(path.join(outDir, file), path.join(keep, COMPILED_PAGES_FILES, file));
  writeFileSync(path.join(keep, COMPILED_PAGES_INTERNALS), kept);
}
