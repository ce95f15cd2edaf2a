// SRCH-01/02/04: what the search index learns about an item page, as attributes on the element
// that holds the page's main content (the article). Pagefind indexes only the text inside
// `data-pagefind-body`; the `data-search-*` values are invisible attributes that Pagefind reads
// as filters (栏目, 内容类型, 年份, 站点, 状态; and the 政府信息公开目录's 主题分类, 发文机关, 体裁 and
// 索引号, OPEN-03), metadata shown in results and the date sort key.
// src/index/ adds the pinyin of the title and keywords at index time (SRCH-05).
import type { ItemSummary } from '../../src/render/site-data.ts';
import type { ColumnConfig, SiteConfig } from '../../src/schema/site-schema.ts';
import { isCatalogued } from '../../src/render/catalogue-entries.ts';

const STATE_LABEL = { amended: '已修改', repealed: '已废止', expired: '已失效' } as const;

/** 已归档 / 已废止 / 已失效 / 已修改, or undefined for a current item. */
export function itemStatusLabel(item: ItemSummary): string | undefined {
  if (item.data.archived) return '已归档';
  const state = item.data.status?.state;
  return state && state !== 'valid' ? STATE_LABEL[state] : undefined;
}

export function searchAttributes(item: ItemSummary, column: ColumnConfig, config: SiteConfig): Record<string, string> {
  const d = item.data;
  const fields: Record<string, string | undefined> = {
    title: d.title,
    date: d.pubDate,
    column: column.name,
    type: column.type,
    year: d.pubDate.slice(0, 4),
    site: config.name,
    source: d.source,
    status: itemStatusLabel(item),
    docnumber: d.docNumber,
    // OPEN-03: the catalogue's fields, so the site search finds and filters what the catalogue lists.
    subject: d.subject,
    issuer: d.issuer?.trim(),
    genre: d.genre,
    indexnumber: item.indexNumber && isCatalogued(d, Boolean(item.reference)) ? item.indexNumber : undefined,
    keywords: d.keywords.join(' '),
    // A copy published by reference (PUB-07) or a reprint (转载) names its original, so the
    // search page can show the document once: the copy folded under the original.
    original: item.reference?.url ?? d.reprint?.url,
    copy: item.reference ? '引用' : undefined,
  };
  const present = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
  const has = (key: string) => present.some(([k]) => k === key);
  const capture = (keys: string[]) => keys.filter(has).map((key) => `${key}[data-search-${key}]`).join(', ');
  return {
    'data-pagefind-body': '',
    'data-pagefind-meta': capture(['title', 'date', 'column', 'type', 'site', 'source', 'status', 'docnumber', 'indexnumber', 'subject', 'issuer', 'keywords', 'original']),
    'data-pagefind-filter': capture(['column', 'type', 'year', 'site', 'status', 'docnumber', 'indexnumber', 'subject', 'issuer', 'genre', 'copy']),
    'data-pagefind-sort': capture(['date']),
    ...Object.fromEntries(present.map(([key, value]) => [`data-search-${key}`, value])),
  };
}
