// Astro renders item bodies from these collections; metadata comes validated from the govsite
// loader (virtual:govsite/site), so no schema is repeated here.
import path from 'node:path';
import { createRequire } from 'node:module';
import { ownItemPatterns, referencedFiles, referenceKey } from '../plugins/astro-govsite/referenced-files.ts';

// Astro runs this file through Vite, which transforms every module of Astro it imports, since
// Astro is never external to Vite: `astro:content` and `astro/loaders` pulled in 120 of Astro's
// runtime modules, one at a time, 1.1 s of every build's content sync (a one-item edit's render
// went from 2.3 s to 1.25 s without them, measured 2026-12-02). Node's own loader gives the same
// functions from the modules the Astro process has loaded already.
const nativeRequire = createRequire(import.meta.url);
const { defineCollection } = nativeRequire('astro/content/config') as typeof import('astro/content/config');
const { glob } = nativeRequire('astro/loaders') as typeof import('astro/loaders');

// An inline loader (Astro's Content Loader API: a function that returns the entries) for a
// collection with nothing to render: the collection stays defined for getEntry(), and nothing is
// globbed. glob() warns whenever its pattern matches no file, an empty pattern included, so a
// placeholder pattern printed "No files found matching …" on every dev start without references.
const noEntries = async (): Promise<{ id: string }[]> => [];

const siteId = process.env.GOVSITE_SITE ?? '';
const contentRoot = path.resolve(process.env.GOVSITE_CONTENT_ROOT ?? '.');
const references = await referencedFiles(contentRoot, siteId, process.env.GOVSITE_DATA_FILE);
// A partial render (src/incremental/plan-build.ts) compiles only the changed items' bodies.
const ownItems = await ownItemPatterns(siteId, process.env.GOVSITE_DATA_FILE);

export const collections = {
  items: defineCollection({
    loader:
      ownItems.length > 0
        ? glob({
            pattern: ownItems,
            base: path.join(contentRoot, 'content', siteId),
            // The same id the govsite loader gives: <columnId>/<slug>.
            generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, '').replace(/\.mdx$/, ''),
          })
        : noEntries,
  }),
  // Bodies of superior sites' items this site republishes by reference (PUB-07).
  references: defineCollection({
    loader:
      references.length > 0
        ? glob({
            pattern: references,
            base: path.join(contentRoot, 'content'),
            generateId: ({ entry }) => referenceKey(entry),
          })
        : noEntries,
  }),
};
