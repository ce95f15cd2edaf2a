// The hast plugins every item body is rendered with. One list for both ways a body is rendered:
// Astro's MDX integration (astro.config.mjs hands it to the Sätteri processor) and the direct
// render of plain bodies (direct-body.ts), so the two cannot drift apart.
import type { HastPluginDefinition } from 'satteri';
import externalLinkNotice from '../rehype-external-link-notice.ts';

export function bodyHastPlugins(): HastPluginDefinition[] {
  return [externalLinkNotice()];
}
