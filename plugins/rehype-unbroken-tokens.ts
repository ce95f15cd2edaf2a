// A 文号 (示政办发〔2025〕4号), a date (2026年11月18日, 2026-11-18) or a time (10:00) in an item's
// body is one token: broken across lines it misleads (`2026-11-` / `18`, `〔2026〕` / `12号`), and a
// reader of 大字版 on a phone meets such breaks on every page. This Sätteri hast plugin (registered in
// plugins/astro-govsite/body-processor.ts, so the MDX compile and the direct render agree) wraps each
// in <span class="nobr">; styles/document.css keeps it on one line. All are short enough to move
// to the next line whole, even at 320 px in 大字版.
import type { HastPluginDefinition } from 'satteri';

/** 文号 (issuer's abbreviation, year in 〔〕, number 号); Chinese and ISO dates with an optional time. */
export const UNBROKEN_TOKEN = /[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d{1,5}号|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2})?/g;

type Piece = { type: 'text'; value: string } | { type: 'element'; tagName: 'span'; properties: { className: string[] }; children: [{ type: 'text'; value: string }] };

/** The text cut into plain runs and tokens; undefined when it holds no token. */
export function splitTokens(value: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of value.matchAll(UNBROKEN_TOKEN)) {
    if (match.index > last) pieces.push({ type: 'text', value: value.slice(last, match.index) });
    pieces.push({ type: 'element', tagName: 'span', properties: { className: ['nobr'] }, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (pieces.length === 0) return undefined;
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return pieces;
}

export default function rehypeUnbrokenTokens(): HastPluginDefinition {
  return {
    name: 'govsite:unbroken-tokens',
    text(node, ctx) {
      const parent = ctx.parent(node);
      // The signature block lays out its own date; a title attribute or script never reaches here.
      if (parent?.type === 'element' && (parent.tagName === 'span' || (parent.properties?.className as string[] | undefined)?.includes('signature'))) return;
      const pieces = splitTokens(node.value);
      if (pieces) ctx.replaceNode(node, pieces);
    },
  };
}
