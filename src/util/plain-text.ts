// Markdown/MDX body → plain text, for derived descriptions (摘要) and read-outs.

export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^\s*\|?\s*:?-{3,}.*$/gm, ' ') // table separator rows
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
    .replace(/<[^>\n]+>/g, ' ') // components and tags
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '') // block markers
    .replace(/[*_`~|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentences of the text, cut at a sentence end near `max` characters. */
export function summarize(markdown: string, max = 120): string {
  const text = markdownToPlainText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return end >= max / 2 ? cut.slice(0, end + 1) : `${cut}…`;
}
