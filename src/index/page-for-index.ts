// What Pagefind reads of a built page (index-site.ts): its address, and the article alone, with
// the title and keywords added as searchable words and pinyin keys. Pages outside the index (no
// data-pagefind-body) give nothing.
import path from 'node:path';
import { pinyinKeys } from './pinyin-keys.ts';

/** `news/a/index.html` → `/news/a/` (the site is built with directory URLs). */
export function pageUrl(relativeFile: string): string {
  const posix = relativeFile.split(path.sep).join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? decodeAttribute(match[1]!) : undefined;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The opening tag of the element Pagefind indexes, which carries the page's search attributes. */
const BODY_TAG = /<[a-z]+\s[^>]*\bdata-pagefind-body\b[^>]*>/;

function termsOfTag(tag: string): { title: string; keywords: string[] } {
  return {
    title: attribute(tag, 'data-search-title') ?? '',
    keywords: (attribute(tag, 'data-search-keywords') ?? '').split(/\s+/).filter(Boolean),
  };
}

/** The title and keywords of an indexed page (search-terms.ts), or undefined for a page outside the index. */
export function pageTerms(html: string): { title: string; keywords: string[] } | undefined {
  const open = html.match(BODY_TAG);
  return open ? termsOfTag(open[0]) : undefined;
}

/** Chinese text as space-separated words, cut as the browser (Intl.Segmenter) cuts queries. */
export function segmentWords(text: string): string {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment).join(' ');
}

/**
 * The page as Pagefind should see it, or undefined for pages outside the index. Two searchable
 * metadata fields are added to this copy only (the published page does not carry them, so
 * readers and screen readers never meet them):
 * - `words`: the title and keywords cut into words. Pagefind searches metadata but cuts it only
 *   at spaces, so without this a title like 关于进一步优化营商环境的若干意见 would match only a
 *   query starting with its first character. Cut with Intl.Segmenter, the segmenter the
 *   browser uses on the query, the words of query and title agree.
 * - `pinyin`: the pinyin keys of the title and keywords (SRCH-05, pinyin-keys.ts).
 */
export function pageForIndex(html: string): string | undefined {
  const open = html.match(BODY_TAG);
  if (!open) return undefined;
  const tag = open[0];
  const { title, keywords } = termsOfTag(tag);
  const words = segmentWords([title, ...keywords].join(' '));
  const keys = pinyinKeys(title, keywords);
  const added = [
    words && `<span data-pagefind-meta="words:${words.replace(/"/g, '')}"></span>`,
    keys && `<span data-pagefind-meta="pinyin:${keys}"></span>`,
  ].join('');
  const at = open.index! + tag.length;
  return articleOnly(`${html.slice(0, at)}${added}${html.slice(at)}`, open.index!);
}

/**
 * The page cut down to the element Pagefind indexes (`data-pagefind-body`, which carries all the
 * page's filters, metadata and sort keys) inside a bare document. Pagefind reads nothing else
 * of the page but its first image, which outside the article is the footer's 党政机关网站标识
 * badge and would be every result's image. Half the bytes to send and parse: reading and adding
 * the 2,838 pages of a synthetic site took 5.5–6.3 s instead of 7.8–8.0 s, and the rest of the
 * bundle is byte for byte the same (both measured 2026-12-01).
 */
function articleOnly(html: string, start: number): string {
  const tagName = html.slice(start + 1).match(/^[a-z]+/)![0];
  const tags = new RegExp(`<(/?)${tagName}(?=[\\s/>])[^>]*>`, 'g');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      const htmlTag = html.match(/<html\b[^>]*>/)?.[0] ?? '<html>';
      return `<!DOCTYPE html>${htmlTag}<head><meta charset="utf-8"></head><body>${html.slice(start, tags.lastIndex)}</body></html>`;
    }
  }
  return html;
}
