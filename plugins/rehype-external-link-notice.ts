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
// The notice pages are generated from the site data (src/render/site-data.ts), which
// lists the destinations with `nonGovernmentLinks` (src/render/leaving-links.ts): it parses each body with the same
// parser (Sätteri) and the same decision, so every rewritten link has its page. The output link
// check (src/rules/output) verifies it anyway: a missing notice page is a broken link.
import type { HastPluginDefinition } from 'satteri';
import { LEAVING_NOTE, leavingPath, nonGovernmentHost } from '../src/render/leaving-links.ts';

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
