// CONT-13: "leaving for a non-government site shows a notice first" (网页设计规范: 打开非政府网站
// 链接时，应有提示信息), without JavaScript. A link in an item body to a host that is not a
// government host (*.gov.cn, *.政务, data/government-hosts.yaml) is rewritten to the site's own
// static notice page /leaving/<hash>/ (templates/pages/leaving/[hash].astro), which shows the
// destination in full and links onward. Government links stay direct.
//
// Astro 7 renders MDX with the Sätteri processor, which runs hast ("rehype") plugins in its own
// visitor form, not unified rehype plugins: this is registered as a Sätteri hast plugin through
// `markdown.processor: satteri({ hastPlugins })` in astro.config.mjs, which the MDX integration
// inherits (extendMarkdownConfig).
//
// The notice pages are generated from the site data (plugins/astro-govsite/site-data.ts), which
// lists the destinations with `nonGovernmentLinks` below: it parses each body with the same
// parser (Sätteri) and the same decision, so every rewritten link has its page. The output link
// check (src/check/output) verifies it anyway: a missing notice page is a broken link.
import { createHash } from 'node:crypto';
import { mdxToHast, type HastPluginDefinition } from 'satteri';
import { isGovernmentHost, webHost } from '../src/check/output/government-hosts.ts';

/** Read by screen readers after the link text (the class is the templates' visually-hidden utility). */
export const LEAVING_NOTE = '（将离开本站）';

/** Short, stable name of a destination's notice page. */
export function leavingHash(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 12);
}

/** Site-relative URL of the notice page for a destination. */
export function leavingPath(url: string): string {
  return `/leaving/${leavingHash(url)}/`;
}

/** The host when `href` leaves for a non-government website, else undefined (internal, government, mailto…). */
export function nonGovernmentHost(href: string): string | undefined {
  const host = webHost(href);
  return host && !isGovernmentHost(host) ? host : undefined;
}

interface HastLike {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
}

/**
 * The non-government destinations an MDX body links to, as the rendered hrefs (Sätteri
 * normalises them, e.g. percent-encodes non-ASCII): exactly what the plugin rewrites.
 */
export function nonGovernmentLinks(body: string): string[] {
  // Cheap pre-check: no address-like text, no external link (GFM autolinks `www.` too).
  if (!/https?:|\/\/|www\./i.test(body)) return [];
  let tree: HastLike;
  try {
    tree = mdxToHast(body, { features: { gfm: true }, position: false }) as HastLike;
  } catch {
    // The loader has validated the body; Astro reports anything it still cannot render.
    return [];
  }
  const found = new Set<string>();
  const walk = (node: HastLike) => {
    if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string' && nonGovernmentHost(node.properties.href)) {
      found.add(node.properties.href);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return [...found];
}

function relTokens(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/** The Sätteri hast plugin: external non-government links → the notice page. */
export default function rehypeExternalLinkNotice(): HastPluginDefinition {
  return {
    name: 'govsite:external-link-notice',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.href;
        if (typeof href !== 'string' || !nonGovernmentHost(href)) return;
        ctx.setProperty(node, 'href', leavingPath(href));
        const rel = new Set([...relTokens(node.properties?.rel), 'noopener', 'noreferrer']);
        ctx.setProperty(node, 'rel', [...rel]);
        ctx.appendChild(node, {
          type: 'element',
          tagName: 'span',
          properties: { className: ['visually-hidden'] },
          children: [{ type: 'text', value: LEAVING_NOTE }],
        });
      },
    },
  };
}
