// The page templates as Astro compiled them in the site's last render (its prerender bundle,
// kept by astro-generate-keep.ts), for an edit's render to start from (render-compiled-pages.ts):
// Vite's compilation of the templates and Astro's content sync were 1.0–1.4 s of the 1.9 s a
// one-item edit's render took at 1,000 items, to make the same bundle again (docs/performance.md).
// What the bundle is compiled from, in its key:
// - the program (templates, plugins, Astro and the rest of package-lock.json), the site's
//   configuration and files (its colours are in the stylesheets, its domain in Astro's `site`):
//   the shared key of the item pages (incremental-render.ts);
// - the path of the site data file the pages read as they render (siteDataModule).
// Item metadata, lists and notices are read from that file as the pages render, so edits of
// them render from the kept bundle. The bodies Astro compiles as MDX modules (items not rendered
// directly, the originals of republished items) are in the bundle as they were: a render that
// includes one of those pages compiles (rendersFromCompiledPages), and keeps its bundle in turn.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteData } from '../../plugins/astro-govsite/site-data.ts';
import { folderKey } from '../util/folder-key.ts';
import { projectRoot } from '../util/paths.ts';
import type { RenderPlan } from './incremental-render.ts';

/** Exit code of the Astro worker when the render from compiled pages failed: the site is rendered in full instead. */
export const COMPILED_PAGES_FAILED = 3;

const KEY_FILE = 'key';

/** The site's kept bundle, in the project (its modules import Astro's runtime from node_modules), per content root and output root. */
export function compiledPagesDir(contentRoot: string, outRoot: string, siteId: string): string {
  return path.join(projectRoot, '.cache', 'compiled-pages', `${siteId}-${folderKey(contentRoot)}-${folderKey(outRoot)}`);
}

/** The key of what a bundle is compiled from (see the top of this file). */
export function compiledPagesKey(sharedKey: string, dataFile: string): string {
  return createHash('sha256').update(`compiled pages 1\0${sharedKey}\0${dataFile}`).digest('hex');
}

/** The kept bundle's key, or undefined when there is none. */
export function keptCompiledPagesKey(dir: string): string | undefined {
  const file = path.join(dir, KEY_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Whether every page the plan renders again can come from the kept bundle: none compiles a body Astro's MDX modules would have to render. */
export function rendersFromCompiledPages(plan: RenderPlan, data: SiteData): boolean {
  const byId = new Map(data.items.map((item) => [item.id, item]));
  return plan.render.every((id) => byId.get(id)?.directBody === true);
}

/** Puts a bundle kept by a render (`fresh`) in place of the site's, under its key. */
export async function installCompiledPages(fresh: string, dir: string, key: string): Promise<void> {
  await writeFile(path.join(fresh, KEY_FILE), key);
  await rm(dir, { recursive: true, force: true });
  await rename(fresh, dir);
}
