// Astro keeps generated modules (.astro/content-modules.mjs…) under its root, so two sites
// built at once with one root overwrite each other's. Each site gets a root folder of its own.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { folderKey } from '../util/folder-key.ts';
import { projectRoot } from '../util/paths.ts';

const astroConfigFile = path.join(projectRoot, 'astro.config.mjs');

/** The inline options that point Astro at a site's own root and at the one shared config. */
export function astroRootOptions(contentRoot: string, siteId: string): { root: string; configFile: string } {
  const root = astroRootFor(contentRoot, siteId);
  // Astro joins configFile onto root, so it must be relative.
  return { root, configFile: path.relative(root, astroConfigFile) };
}

// Inside the project, so that Astro and Vite resolve packages from its node_modules; keyed by
// the content root too, since tests build other platforms than the demo one.
export function astroRootFor(contentRoot: string, siteId: string): string {
  const dir = path.join(projectRoot, '.cache', 'astro-root', `${siteId}-${folderKey(contentRoot)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
