// Astro's build steps that govsite calls one by one (astro-generate-keep.ts,
// render-compiled-pages.ts) are not among the package's exports: they are reached by file, in
// the version package-lock.json pins (its hash is in the program fingerprint, so a kept bundle
// never outlives the Astro that made it). If a new Astro moves them, the import fails, the build
// falls back to a full render (build-site.ts), and tests/integration/compiled-pages.test.ts fails.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../util/paths.ts';

export function astroInternalUrl(file: string): string {
  return pathToFileURL(path.join(projectRoot, 'node_modules/astro/dist', file)).href;
}
