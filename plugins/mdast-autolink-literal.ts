// Bare web addresses in Chinese text (issue 25). Sätteri's GFM autolink literal runs a bare
// `www.gov.cn` or `https://…` on to the next space, and Chinese text has none: `使用“www.gov.cn”域名，
// 其他…` became one link to a host named `www.gov.cn”域名，其他…`, with a leave-site page for it.
// This Sätteri mdast plugin ends such a link where Chinese text or full-width punctuation starts
// (src/content/autolink-literal.ts decides where). It runs in every compile of a body
// (body-processor.ts) and in the one that lists the leave-site pages (src/render/leaving-links.ts),
// so the pages link and the notice pages exist for the same addresses.
import { defineMdastPlugin, type MdastPluginDefinition } from 'satteri';
import type { Link, PhrasingContent } from 'mdast';
import { splitAutolinkLiteral } from '../src/content/autolink-literal.ts';

/** A link the parser made from bare text: its source is its text, not `[…](…)` or `<…>`. */
function literalText(node: Readonly<Link>, source: string): string | undefined {
  const [child, ...others] = node.children;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (others.length > 0 || child?.type !== 'text' || start === undefined || end === undefined) return undefined;
  return source.slice(start, end) === child.value ? child.value : undefined;
}

export default function mdastAutolinkLiteral(): MdastPluginDefinition {
  return defineMdastPlugin({
    name: 'govsite:autolink-literal',
    options: { position: true },
    link(node, ctx) {
      const text = literalText(node, ctx.source);
      if (text === undefined) return;
      const pieces = splitAutolinkLiteral(text, node.url);
      if (!pieces) return;
      const nodes: PhrasingContent[] = pieces.map((piece) =>
        piece.url === undefined
          ? { type: 'text', value: piece.text }
          : { type: 'link', url: piece.url, title: null, children: [{ type: 'text', value: piece.text }] },
      );
      ctx.replaceNode(node, nodes);
    },
  });
}
