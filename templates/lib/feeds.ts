// PUB-06: a column's newest items as feeds for new-media channels (政务新媒体) and feed readers:
// RSS 2.0 (https://www.rssboard.org/rss-specification) and JSON Feed 1.1
// (https://www.jsonfeed.org/version/1.1/). Dates come from the items, never from the clock, so
// the same content gives the same bytes (PUB-04).
import type { ItemSummary } from '../../src/render/site-data.ts';
import type { ColumnConfig, SiteConfig } from '../../src/schema/site-schema.ts';
import { chinaDateTimeToEpoch, chinaDateTimeToIso } from '../../src/util/china-time.ts';

/** New-media channels pick up what is new: the newest items are enough. */
export const FEED_SIZE = 50;

export const rssPath = (columnId: string) => `/feeds/${columnId}.xml`;
export const jsonFeedPath = (columnId: string) => `/feeds/${columnId}.json`;

/** The `<link rel="alternate">` entries of a column page's head. */
export function feedLinks(column: ColumnConfig): Array<{ type: string; href: string; title: string }> {
  return [
    { type: 'application/rss+xml', href: rssPath(column.id), title: `${column.name}（RSS）` },
    { type: 'application/feed+json', href: jsonFeedPath(column.id), title: `${column.name}（JSON Feed）` },
  ];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * Text in an element RSS readers may render as HTML (title, description, category: RSS 2.0 says
 * entity-encoded HTML): escaped as HTML, then as XML. A reader that decodes the XML and renders
 * the HTML shows the editor's `<img onerror=…>` as text, never as an element.
 */
function escapeHtmlText(text: string): string {
  return escapeXml(escapeXml(text));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date-time in China time, as RSS 2.0 requires: `Fri, 20 Nov 2026 09:30:00 +0800`. */
export function rfc822(chinaDateTime: string): string {
  const d = new Date(chinaDateTimeToEpoch(chinaDateTime) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00 +0800`;
}

interface FeedInput {
  config: SiteConfig;
  column: ColumnConfig;
  /** Newest first (itemsOf). */
  items: readonly ItemSummary[];
}

const origin = (config: SiteConfig) => `https://${config.domain}`;
const feedTitle = ({ config, column }: FeedInput) => `${column.name} - ${config.name}`;

export function rssFeed(input: FeedInput): string {
  const { config, column } = input;
  const items = input.items.slice(0, FEED_SIZE);
  const base = origin(config);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeHtmlText(feedTitle(input))}</title>`,
    `<link>${base}/${column.id}/</link>`,
    `<description>${escapeHtmlText(column.description)}</description>`,
    '<language>zh-CN</language>',
    `<copyright>${escapeXml(config.organizer)}</copyright>`,
    `<atom:link href="${base}${rssPath(column.id)}" rel="self" type="application/rss+xml"/>`,
  ];
  // The newest item's time, not the build's: a rebuild of the same content changes nothing.
  if (items[0]) lines.push(`<lastBuildDate>${rfc822(items[0].data.pubDate)}</lastBuildDate>`);
  for (const item of items) {
    const url = `${base}${item.url}`;
    lines.push(
      '<item>',
      `<title>${escapeHtmlText(item.data.title)}</title>`,
      `<link>${url}</link>`,
      `<guid isPermaLink="true">${url}</guid>`,
      `<pubDate>${rfc822(item.data.pubDate)}</pubDate>`,
      `<description>${escapeHtmlText(item.summary)}</description>`,
      ...item.data.keywords.map((k) => `<category>${escapeHtmlText(k)}</category>`),
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>', '');
  return lines.join('\n');
}

export function jsonFeed(input: FeedInput): string {
  const { config, column } = input;
  const base = origin(config);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(input),
    home_page_url: `${base}/${column.id}/`,
    feed_url: `${base}${jsonFeedPath(column.id)}`,
    description: column.description,
    language: 'zh-CN',
    authors: [{ name: config.organizer, url: `${base}/` }],
    items: input.items.slice(0, FEED_SIZE).map((item) => ({
      id: `${base}${item.url}`,
      url: `${base}${item.url}`,
      title: item.data.title,
      content_text: item.summary,
      summary: item.summary,
      date_published: chinaDateTimeToIso(item.data.pubDate),
      ...(item.data.keywords.length ? { tags: item.data.keywords } : {}),
      ...(item.data.source ? { authors: [{ name: item.data.source }] } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
