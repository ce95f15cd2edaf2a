// The signature (落款) of a 公文 as editors type it: the issuer on one line and the date on the
// next, in a paragraph of its own at the end of the body:
//
//     示例省人民政府
//     2026年11月17日
//
// Markdown makes that one paragraph with a soft line break, shown on one line at the left. This
// Sätteri hast plugin (registered in plugins/astro-govsite/body-processor.ts, so the MDX compile
// and the direct render agree) marks such a paragraph as the signature and keeps its line
// break; styles/document.css lays it out as 党政机关公文格式 does (on the right, issuer centred
// over the date). Only a paragraph that is exactly "short line + a full Chinese date" is taken:
// a sentence that merely contains a date is prose.
import type { HastPluginDefinition } from 'satteri';

/** Issuer (one line, no sentence punctuation, up to 40 characters) and a full Chinese date. */
export const SIGNATURE = /^([^\n。；！？：]{2,40})\n((?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,3}月[\d〇零一二三四五六七八九十]{1,3}日)$/;

export default function rehypeSignatureBlock(): HastPluginDefinition {
  return {
    name: 'govsite:signature-block',
    element: {
      filter: ['p'],
      visit(node, ctx) {
        const only = node.children.length === 1 ? node.children[0] : undefined;
        if (only?.type !== 'text') return;
        const match = SIGNATURE.exec(only.value.trim());
        if (!match) return;
        ctx.setProperty(node, 'className', ['signature']);
        ctx.setField(node, 'children', [
          { type: 'text', value: match[1]!.trim() },
          { type: 'element', tagName: 'br', properties: {}, children: [] },
          { type: 'text', value: match[2]! },
        ]);
      },
    },
  };
}
