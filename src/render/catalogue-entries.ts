// OPEN-03 / OPEN-04: what an entry of the 政府信息公开目录 and of the portal's 政策文件库 shows,
// and which items are entries. The seven fields of a disclosed document on a provincial portal:
// 索引号, 主题分类, 发文机关, 成文日期, 发布日期, 发文字号, 有效性 (DocumentInfo shows the same
// seven on the document's own page), with 体裁 for the catalogue's facets.
//
// An item is an entry of its site's catalogue when it is a document of its own site (not a copy
// published by reference, PUB-07, nor a reprint, 转载 with `reprint`: either is the original
// organ's document, in its own catalogue) whose 公开方式 is 主动公开: written so, or not written on a 公文 (one with a 发文机关 or 文号,
// whose page shows the information table). An item marked 依申请公开 or 不予公开 is not listed.
import type { FrontMatter } from '../schema/front-matter-schema.ts';

export type DocumentState = 'valid' | 'amended' | 'repealed' | 'expired';

/** 有效性 as the catalogue, the library's filters and the information table name it. */
export const STATE_LABELS: Record<DocumentState, string> = { valid: '现行有效', amended: '已修改', repealed: '已废止', expired: '已失效' };

export const DOCUMENT_STATES = Object.keys(STATE_LABELS) as DocumentState[];

export interface CatalogueEntry {
  title: string;
  /** Site-relative on its own site's pages; `https://<domain>/…` in the portal's library for another site's document. */
  url: string;
  indexNumber: string;
  subject?: string;
  /** 发文机关 as shown: `issuer`, else the 信息来源. */
  issuer: string;
  /** `YYYY-MM-DD`. */
  writtenDate?: string;
  /** `YYYY-MM-DD`. */
  pubDate: string;
  docNumber?: string;
  state: DocumentState;
  genre?: string;
  /** The year the catalogue files it under: of the 成文日期, else of the 发布日期 (as the 索引号). */
  year: string;
}

/** An entry of the portal's 政策文件库: a document of any site of the platform. */
export interface LibraryEntry extends CatalogueEntry {
  /** The site that published it: its name, shown beside the issuer. */
  site: string;
  siteId: string;
  /** Project-relative source file: the portal's build declares it an input (build-inputs.ts). */
  file: string;
}

/** Whether an item is an entry of its site's 政府信息公开目录 (see the head of this file). */
export function isCatalogued(data: FrontMatter, reference: boolean): boolean {
  if (reference || data.reprint) return false;
  if (data.disclosure) return data.disclosure === '主动公开';
  return Boolean(data.issuer || data.docNumber);
}

/** 发文机关 as the catalogue and the information table show it. */
export function issuerOf(data: Pick<FrontMatter, 'issuer' | 'source'>): string {
  return data.issuer?.trim() || data.source;
}

/** The issuers of a joint document (联合发文: names separated by spaces or 、), each a facet of its own. */
export function issuersOf(issuer: string): string[] {
  return [...new Set(issuer.split(/[\s\u3000、，,；;]+/).filter(Boolean))];
}

export function catalogueEntry(item: { url: string; data: FrontMatter; indexNumber: string }): CatalogueEntry {
  const d = item.data;
  const writtenDate = d.writtenDate?.slice(0, 10);
  return {
    title: d.title,
    url: item.url,
    indexNumber: item.indexNumber,
    ...(d.subject && { subject: d.subject }),
    issuer: issuerOf(d),
    ...(writtenDate && { writtenDate }),
    pubDate: d.pubDate.slice(0, 10),
    ...(d.docNumber && { docNumber: d.docNumber }),
    state: d.status?.state ?? 'valid',
    ...(d.genre && { genre: d.genre }),
    year: (writtenDate ?? d.pubDate).slice(0, 4),
  };
}

/** The catalogue's entries of a site, in the site data's order (newest first). */
export function catalogueEntries(items: ReadonlyArray<{ url: string; data: FrontMatter; indexNumber?: string; reference?: unknown }>): CatalogueEntry[] {
  return items.flatMap((item) => (item.indexNumber && isCatalogued(item.data, Boolean(item.reference)) ? [catalogueEntry({ ...item, indexNumber: item.indexNumber })] : []));
}
