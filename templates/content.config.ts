// Astro renders item bodies from these collections; metadata comes validated from the govsite
// loader (virtual:govsite/site), so no schema is repeated here.
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ownItemPatterns, referencedFiles, referenceKey } from '../plugins/astro-govsite/referenced-files.ts';

const siteId = process.env.GOVSITE_SITE ?? '';
const contentRoot = path.resolve(process.env.GOVSITE_CONTENT_ROOT ?? '.');
const references = await referencedFiles(contentRoot, siteId, process.env.GOVSITE_DATA_FILE);
// A partial render (src/build/incremental-render.ts) compiles only the changed items' bodies.
const ownItems = await ownItemPatterns(siteId, process.env.GOVSITE_DATA_FILE);

export const collections = {
  items: defineCollection({
    loader: glob({
      // A pattern that matches nothing keeps the collection defined when no own item is rendered.
      pattern: ownItems.length > 0 ? ownItems : ['.govsite-no-items/*.mdx'],
      base: path.join(contentRoot, 'content', siteId),
      // The same id the govsite loader gives: <columnId>/<slug>.
      generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, '').replace(/\.mdx$/, ''),
    }),
  }),
  // Bodies of superior sites' items this site republishes by reference (PUB-07).
  references: defineCollection({
    loader: glob({
      // A pattern that matches nothing keeps the collection defined when there are no references.
      pattern: references.length > 0 ? references : ['.govsite-no-references/*.mdx'],
      base: path.join(contentRoot, 'content'),
      generateId: ({ entry }) => referenceKey(entry),
    }),
  }),
};
