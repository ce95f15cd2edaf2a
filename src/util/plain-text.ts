// Markdown/MDX body → plain text, for derived descriptions (摘要) and read-outs.

/** Chinese punctuation after which (and before which) a space is never wanted. */
const CJK_PUNCTUATION = '，。；：！？、）》」』”（《「『“…';

/** Spaces after or before Chinese punctuation, which Markdown's line breaks and markup leave behind. */
export function tidyChineseSpacing(text: string): string {
  return text
    .replace(new RegExp(`([${CJK_PUNCTUATION}])\\s+`, 'gu'), '$1')
    .replace(new RegExp(`\\s+([${CJK_PUNCTUATION}])`, 'gu'), '$1')
    .replace(/(\p{Script=Han})[ \t]+(?=\p{Script=Han})/gu, '$1')
    .trim();
}

export function markdownToPlainText(markdown: string): string {
  const text = markdown
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, ' ') // table separator rows
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
    .replace(/<[^>\n]+>/g, ' ') // components and tags
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '') // block markers
    .replace(/[*_`~|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.replace(new RegExp(`([${CJK_PUNCTUATION}]) `, 'gu'), '$1').replace(new RegExp(` ([${CJK_PUNCTUATION}])`, 'gu'), '$1');
}

/** Sentence ends, for cutting and for deciding whether a block is a sentence at all. */
const SENTENCE_END = /[。！？；]$/u;

/**
 * A block that is not the item's own sentences: a heading, a table, a component, an import, an
 * image, or a line that only addresses the readers (各市、县人民政府，省政府各部门：), heads a
 * section (一、总体要求) or signs the document (安平县人民政府 2026年6月3日) — short, and no
 * sentence end.
 */
/** Headings, tables, components, imports and code: never part of a summary. */
const NOT_PROSE = /^\s*(?:#{1,6}\s|\||import\s|export\s|<|```)/;

function skipped(block: string, text: string): boolean {
  if (NOT_PROSE.test(block) || !text) return true;
  // A list item is a sentence however short (申请材料齐全).
  if (/^\s{0,3}(?:[-*+]|\d+\.)\s/.test(block)) return false;
  if (/[：:]$/.test(text) && text.length <= 60) return true;
  return text.length <= 30 && !SENTENCE_END.test(text);
}

/** The body's own text from its first real sentence: blocks skipped as above, the rest joined as Chinese reads. */
export function summaryText(markdown: string): string {
  // Each list item is a block of its own: items are separate sentences, not one run of text.
  const blocks = markdown
    .split(/\n\s*\n/)
    .flatMap((block) => block.split(/\n(?=\s{0,3}(?:[-*+]|\d+\.)\s)/))
    .map((block) => block.trim())
    .filter(Boolean);
  let text = '';
  for (const block of blocks) {
    const plain = tidyChineseSpacing(markdownToPlainText(block));
    // Section heads and the signature (安平县人民政府 2026年6月3日) are skipped after the first sentence too.
    if (skipped(block, plain)) continue;
    // A block that ends without punctuation (a list item, a heading after the first sentence) ends a sentence.
    text += text && !new RegExp(`[${CJK_PUNCTUATION}.!?]$`, 'u').test(text) ? `。${plain}` : plain;
  }
  // A body of headings and tables only: better its plain text than nothing.
  return text || tidyChineseSpacing(markdownToPlainText(markdown));
}

/** The first sentences of the text, cut at a sentence end near `max` characters. */
export function summarize(markdown: string, max = 120): string {
  const text = summaryText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return end >= max / 2 ? cut.slice(0, end + 1) : `${cut}…`;
}
