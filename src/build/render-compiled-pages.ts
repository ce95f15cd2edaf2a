// An edit's render from the page templates an earlier render compiled (compiled-pages.ts):
// Astro's build without its two slow steps, the content sync and Vite's compilation of every
// template, which give the same bundle as long as the program and the site's configuration are
// those it was compiled from (its key), for pages that render no MDX module. The steps that remain are Astro's own, in the order
// its build runs them (core/build/index.js): configuration and integration hooks, the routes, the
// files written before the pages, then generatePages with the kept internals (item pages first:
// item-pages-first.ts), then the integrations' build:done (the govsite integration copies the items' files and writes sitemap.xml).
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import type { AstroInlineConfig } from 'astro';
import { astroInternalUrl } from './astro-internals.ts';
import { itemPagesFirstPrerenderer } from './item-pages-first.ts';
import { COMPILED_PAGES_BUNDLE, COMPILED_PAGES_FILES, COMPILED_PAGES_INTERNALS } from './astro-generate-keep.ts';

// Loose shapes of the internal functions called here: their real types are not exported.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (...args: any[]) => any;
const internal = async <T>(file: string) => (await import(astroInternalUrl(file))) as T;

export async function renderCompiledPages(inline: AstroInlineConfig & { root: string }, compiled: string): Promise<void> {
  const [{ resolveConfig }, { createSettings }, { loadOrCreateNodeLogger }, hooks, { createRoutesList }, { collectPagesData }, { generatePages }, { createKey }, { getPrerenderDefault }, { ensureProcessNodeEnv }] =
    await Promise.all([
      internal<{ resolveConfig: Fn }>('core/config/config.js'),
      internal<{ createSettings: Fn }>('core/config/settings.js'),
      internal<{ loadOrCreateNodeLogger: Fn }>('core/logger/load.js'),
      internal<{ runHookConfigSetup: Fn; runHookConfigDone: Fn; runHookBuildStart: Fn; runHookBuildDone: Fn }>('integrations/hooks.js'),
      internal<{ createRoutesList: Fn }>('core/routing/create-manifest.js'),
      internal<{ collectPagesData: Fn }>('core/build/page-data.js'),
      internal<{ generatePages: Fn }>('core/build/generate.js'),
      internal<{ createKey: Fn }>('core/encryption.js'),
      internal<{ getPrerenderDefault: Fn }>('prerender/utils.js'),
      internal<{ ensureProcessNodeEnv: Fn }>('core/util.js'),
    ]);
  const bundle = path.join(compiled, COMPILED_PAGES_BUNDLE);
  if (!existsSync(bundle)) throw new Error(`没有已编译的页面模板：${bundle}`);
  ensureProcessNodeEnv('production');
  const { astroConfig } = await resolveConfig(inline, 'build');
  const logger = await loadOrCreateNodeLogger(astroConfig, inline);
  let settings = await createSettings(astroConfig, inline.logLevel, fileURLToPath(astroConfig.root));
  settings = await hooks.runHookConfigSetup({ settings, command: 'build', logger });
  settings.buildOutput = getPrerenderDefault(settings.config) ? 'static' : 'server';
  const routesList = await createRoutesList({ settings }, logger);
  await hooks.runHookConfigDone({ settings, logger, command: 'build' });
  await hooks.runHookBuildStart({ settings, logger });
  // The search index waits for the item pages: they are written first (item-pages-first.ts).
  settings.prerenderer ??= itemPagesFirstPrerenderer;
  const { allPages } = collectPagesData({ settings, logger, manifest: routesList });
  const outDir = fileURLToPath(settings.config.outDir);
  mkdirSync(outDir, { recursive: true });
  cpSync(path.join(compiled, COMPILED_PAGES_FILES), outDir, { recursive: true });
  const internals = deserialize(readFileSync(path.join(compiled, COMPILED_PAGES_INTERNALS)));
  const pageNames: string[] = [];
  const options = {
    allPages,
    settings,
    logger,
    routesList,
    runtimeMode: 'production',
    origin: new URL(settings.config.site ?? `http://localhost:${settings.config.server.port}`).origin,
    pageNames,
    viteConfig: {},
    key: createKey(),
    force: false,
  };
  await generatePages(options, internals, pathToFileURL(bundle + path.sep));
  await hooks.runHookBuildDone({ settings, pages: pageNames, routes: Object.values(allPages).flat().map((page: any) => page.route), logger });
}
