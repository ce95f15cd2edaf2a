// Links that leave for a non-government website (CONT-13): which they are, and the name of the
// static notice page each leads to (/leaving/<hash>/). The compile's rehype plugin
// (plugins/rehype-external-link-notice.ts) rewrites exactly these links; the site data lists them so
// that every rewritten link has its page; the output check (src/rules/output/hidden-links.ts)
// knows the note the plugin adds.
import { createHash } from 'node:crypto';
import { mdxToHast } from 'satteri';
import mdastAutolinkLiteral from '../../plugins/mdast-autolink-literal.ts';
import { isGovernmentHost, webHost } from '../config/government-hosts.ts';

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
    // The compile's own end of bare addresses (issue 25): the links listed are the links rendered.
    tree = mdxToHast(body, { features: { gfm: true }, mdastPlugins: [mdastAutolinkLiteral()] }) as HastLike;
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
