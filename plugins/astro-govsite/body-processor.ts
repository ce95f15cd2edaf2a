// The plugins every item body is compiled with. One list for both ways a body is rendered:
// Astro's MDX integration (astro.config.mjs hands them to the Sätteri processor) and the direct
// render of plain bodies (direct-body.ts), so the two cannot drift apart.
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';
import mdastAutolinkLiteral from '../mdast-autolink-literal.ts';
import mdxDataOnly from '../mdx-data-only.ts';
import externalLinkNotice from '../rehype-external-link-notice.ts';
import signatureBlock from '../rehype-signature-block.ts';
import unbrokenTokens from '../rehype-unbroken-tokens.ts';

/**
 * Run on the Markdown tree in the compile: bare addresses end where Chinese text starts (the
 * links, checked next, are the ones the page gets); code and unsafe URLs fail the build (CONT-16,
 * SEC-01, SEC-02).
 */
export function bodyMdastPlugins(): MdastPluginDefinition[] {
  return [mdastAutolinkLiteral(), mdxDataOnly()];
}

export function bodyHastPlugins(): HastPluginDefinition[] {
  return [externalLinkNotice(), signatureBlock(), unbrokenTokens()];
}
