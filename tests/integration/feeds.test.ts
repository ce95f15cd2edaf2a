// PUB-06 on the demo build: per-column RSS 2.0 and JSON Feed 1.1 for new-media channels, announced
// in the column pages' head; sitemap.xml listing every content page; robots.txt pointing to it.
// The feeds are checked against their formats (RSS 2.0's required elements, parsed by a strict
// XML parser; JSON Feed 1.1 by a zod schema of the spec) and against the site's content.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSite, type SiteModel } from '../../src/rules/load-site.ts';
import { FEED_SIZE } from '../../templates/lib/feeds.ts';
import { jsonFeedSchema } from '../helpers/json-feed.ts';
import { childrenNamed, childText, parseXml } from '../helpers/xml.ts';

const SITES = ['shili', 'shili-jyt', 'anping'];
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

let demo: string;
const models = new Map<string, SiteModel>();
const dist = (site: string, ...parts: string[]) => path.join(demo, 'dist', site, ...parts);
const read = (site: string, ...parts: string[]) => readFileSync(dist(site, ...parts), 'utf8');

/** The column's items and its sub-columns', newest first, as the column page lists them. */
function columnItems(model: SiteModel, columnId: string) {
  const ids = new Set([columnId, ...model.config.columns.filter((c) => c.parent === columnId).map((c) => c.id)]);
  return model.items.filter((i) => ids.has(i.columnId));
}

/** A site URL of the demo (https://<domain>/path/) → the file that serves it. */
function fileOf(site: string, url: string): string {
  const { pathname } = new URL(url);
  return dist(site, decodeURIComponent(pathname), pathname.endsWith('/') ? 'index.html' : '');
}

beforeAll(async () => {
  demo = inject('demoRoot');
  for (const site of SITES) models.set(site, (await loadSite(demo, site)).model!);
});

describe('RSS 2.0 per column', () => {
  it('is well-formed RSS 2.0 with the required channel and item elements, for every column of every site', () => {
    for (const site of SITES) {
      const model = models.get(site)!;
      for (const column of model.config.columns) {
        const rss = parseXml(read(site, 'feeds', `${column.id}.xml`));
        expect(rss.name).toBe('rss');
        expect(rss.attributes.version).toBe('2.0');
        const channels = childrenNamed(rss, 'channel');
        expect(channels).toHaveLength(1);
        const channel = channels[0]!;
        expect(childText(channel, 'title')).toBe(`${column.name} - ${model.config.name}`);
        expect(childText(channel, 'link')).toBe(`https://${model.config.domain}/${column.id}/`);
        expect(childText(channel, 'description')).toBe(column.description);
        const self = childrenNamed(channel, 'atom:link')[0]!;
        expect(self.attributes).toMatchObject({ rel: 'self', href: `https://${model.config.domain}/feeds/${column.id}.xml` });
        const items = childrenNamed(channel, 'item');
        const expected = columnItems(model, column.id).slice(0, FEED_SIZE);
        expect(items.map((i) => childText(i, 'title')), `${site}/${column.id}`).toEqual(expected.map((i) => i.data.title));
        for (const item of items) {
          const link = childText(item, 'link')!;
          expect(existsSync(fileOf(site, link)), link).toBe(true);
          expect(childText(item, 'guid')).toBe(link);
          expect(childText(item, 'pubDate')).toMatch(RFC822);
          expect(Number.isNaN(Date.parse(childText(item, 'pubDate')!))).toBe(false);
          expect(childText(item, 'description')!.length).toBeGreaterThan(0);
        }
        if (items.length) expect(childText(channel, 'lastBuildDate')).toBe(childText(items[0]!, 'pubDate'));
      }
    }
  });

  it('gives the item’s publish time in China time', () => {
    const rss = parseXml(read('shili', 'feeds', 'news.xml'));
    const first = childrenNamed(childrenNamed(rss, 'channel')[0]!, 'item')[0]!;
    const item = models.get('shili')!.items.find((i) => i.data.title === childText(first, 'title'))!;
    // pubDate "YYYY-MM-DD HH:MM" China time = the same instant.
    expect(Date.parse(childText(first, 'pubDate')!)).toBe(Date.parse(`${item.data.pubDate.replace(' ', 'T')}:00+08:00`));
  });
});

describe('JSON Feed 1.1 per column', () => {
  it('matches the JSON Feed 1.1 schema and lists the same items as the RSS feed', () => {
    for (const site of SITES) {
      const model = models.get(site)!;
      for (const column of model.config.columns) {
        const feed = jsonFeedSchema.parse(JSON.parse(read(site, 'feeds', `${column.id}.json`)));
        expect(feed.feed_url).toBe(`https://${model.config.domain}/feeds/${column.id}.json`);
        expect(feed.items.map((i) => i.title)).toEqual(columnItems(model, column.id).slice(0, FEED_SIZE).map((i) => i.data.title));
        for (const item of feed.items) expect(existsSync(fileOf(site, item.url!)), item.url).toBe(true);
      }
    }
  });

  it('is rejected by the schema when a required field is missing (the schema is not a no-op)', () => {
    const feed = JSON.parse(read('shili', 'feeds', 'news.json'));
    delete feed.items[0].id;
    expect(jsonFeedSchema.safeParse(feed).success).toBe(false);
    const noContent = JSON.parse(read('shili', 'feeds', 'news.json'));
    delete noContent.items[0].content_text;
    expect(jsonFeedSchema.safeParse(noContent).success).toBe(false);
  });
});

describe('feeds in the column pages', () => {
  it('announces the RSS and JSON feeds with <link rel="alternate"> in the head of every column page', () => {
    for (const column of models.get('shili')!.config.columns) {
      const html = read('shili', column.id, 'index.html');
      const head = html.slice(0, html.indexOf('</head>'));
      expect(head, column.id).toContain(`<link rel="alternate" type="application/rss+xml" href="/feeds/${column.id}.xml" title="${column.name}（RSS）">`);
      expect(head, column.id).toContain(`<link rel="alternate" type="application/feed+json" href="/feeds/${column.id}.json" title="${column.name}（JSON Feed）">`);
    }
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists every published page but the 404 page, leave-site notices and search, item pages with their publish time', () => {
    for (const site of SITES) {
      const model = models.get(site)!;
      const urlset = parseXml(read(site, 'sitemap.xml'));
      expect(urlset.name).toBe('urlset');
      expect(urlset.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const entries = childrenNamed(urlset, 'url').map((u) => ({ loc: childText(u, 'loc')!, lastmod: childText(u, 'lastmod') }));
      const pages = readdirSync(dist(site), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('index.html') && !/^(leaving|search)\//.test(f))
        .map((f) => `https://${model.config.domain}/${f.slice(0, -'index.html'.length)}`)
        .sort();
      expect(entries.map((e) => decodeURI(e.loc)).sort(), site).toEqual(pages);
      for (const item of model.items) {
        const entry = entries.find((e) => e.loc === `https://${model.config.domain}${item.url}`);
        expect(entry?.lastmod, item.url).toBe(`${item.data.pubDate.replace(' ', 'T')}:00+08:00`);
      }
    }
  });

  it('robots.txt points crawlers at sitemap.xml', () => {
    expect(read('shili', 'robots.txt')).toContain('Sitemap: https://www.shili.gov.cn/sitemap.xml\n');
  });
});
