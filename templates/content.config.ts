// Astro renders item bodies from this collection; metadata comes validated from the govsite
// loader (virtual:govsite/site), so no schema is repeated here.
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const siteId = process.env.GOVSITE_SITE ?? '';
const contentRoot = path.resolve(process.env.GOVSITE_CONTENT_ROOT ?? '.');

export const collections = {
  items: defineCollection({
    loader: glob({
      pattern: ['*/*.mdx', '*/*/index.mdx'],
      base: path.join(contentRoot, 'content', siteId),
      // The same id the govsite loader gives: <columnId>/<slug>.
      generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, '').replace(/\.mdx$/, ''),
    }),
  }),
};
