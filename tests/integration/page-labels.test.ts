// Every page of the built demo platform, parsed: the web page labels (META-01…04), the header
// identity area (SITE-03, LAY-01), the footer function area (LAY-02) and visible publish times
// (LAY-03), by page type, with values matching site.yaml and front matter.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSite, type SiteModel } from '../../src/rules/load-site.ts';
import { COLUMN_TYPES } from '../../src/schema/site-schema.ts';
import { projectRoot } from '../../src/util/paths.ts';

const parser = unified().use(rehypeParse);

interface Page {
  url: string;
  tree: Root;
}

function pagesOf(dir: string): Page[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const relative = path.relative(dir, file).split(path.sep).join('/');
      const url = relative === '404.html' ? '/404.html' : `/${relative.replace(/index\.html$/, '')}`;
      return { url, tree: parser.parse(readFileSync(file, 'utf8')) as Root };
    });
}

function meta(tree: Root, name: string): string | undefined {
  const element = select(`meta[name="${name}"]`, tree);
  return element?.properties.content as string | undefined;
}

function link(tree: Root, text: string): Element | undefined {
  return selectAll('footer a', tree).find((a) => toText(a).includes(text) || (select('img', a)?.properties.alt as string | undefined)?.includes(text));
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

let sites: Array<{ model: SiteModel; pages: Page[] }>;

beforeAll(async () => {
  const root = inject('demoRoot');
  sites = [];
  for (const id of ['shili', 'shili-jyt', 'anping']) {
    const loaded = await loadSite(projectRoot, id);
    sites.push({ model: loaded.model!, pages: pagesOf(path.join(root, 'dist', id)) });
  }
});

function classify(model: SiteModel, url: string): 'home' | 'column' | 'article' | 'other' {
  if (url === '/') return 'home';
  const parts = url.split('/').filter(Boolean);
  const isColumn = model.config.columns.some((c) => c.id === parts[0]);
  if (isColumn && (parts.length === 1 || (parts.length === 3 && parts[1] === 'page'))) return 'column';
  if (isColumn && parts.length === 2 && model.items.some((i) => i.url === url)) return 'article';
  return 'other';
}

describe.each(['shili', 'shili-jyt', 'anping'])('pages of %s', (siteId) => {
  const site = () => sites.find((s) => s.model.id === siteId)!;

  it('has every page type', () => {
    const types = new Set(site().pages.map((p) => classify(site().model, p.url)));
    expect([...types].sort()).toEqual(['article', 'column', 'home', 'other']);
    for (const url of ['/sitemap/', '/404.html', '/search/']) expect(site().pages.map((p) => p.url)).toContain(url);
  });

  it('META-01, SITE-03, LAY-01: site labels, Chinese language and the full name in the header on every page', () => {
    const { config } = site().model;
    for (const { url, tree } of site().pages) {
      expect(meta(tree, 'SiteName'), url).toBe(config.name);
      expect(meta(tree, 'SiteDomain'), url).toBe(config.domain);
      expect(meta(tree, 'SiteIDCode'), url).toBe(config.siteCode);
      expect(select('html', tree)?.properties.lang, url).toBe('zh-CN');
      expect(toText(select('header', tree)!), url).toContain(config.name);
      expect(select('header img', tree)?.properties.src, url).toBe(`/${config.logo}`);
      expect(select('main', tree), url).toBeDefined();
      expect(select('footer', tree), url).toBeDefined();
    }
  });

  it('LAY-02: the footer function area on every page', () => {
    const { config } = site().model;
    for (const { url, tree } of site().pages) {
      const footer = toText(select('footer', tree)!);
      const canonical = (select('link[rel="canonical"]', tree)?.properties.href as string) ?? '';
      // Copies by reference (PUB-07) name the original as canonical; the error report is about this page.
      const item = site().model.items.find((i) => i.url === url);
      expect(canonical, url).toBe(item?.referenceOf?.url ?? `https://${config.domain}${url === '/404.html' ? '/404/' : url}`);
      const pageUrl = `https://${config.domain}${url === '/404.html' ? '/404/' : url}`;
      const conac = link(tree, '党政机关网站标识');
      expect(conac?.properties.href, url).toContain(encodeURIComponent(config.conacId));
      const report = link(tree, '我为政府网站找错')?.properties.href as string;
      expect(report, url).toContain(`site_code=${config.siteCode}`);
      expect(report, url).toContain(`url=${encodeURIComponent(pageUrl)}`);
      expect(footer, url).toContain(`网站标识码：${config.siteCode}`);
      expect(link(tree, config.icp)?.properties.href, url).toBe('https://beian.miit.gov.cn/');
      expect(link(tree, config.publicSecurityRecord)?.properties.href, url).toContain(config.publicSecurityRecord.match(/\d{14}/)![0]);
      expect(footer, url).toContain(`主办单位：${config.organizer}`);
      if (config.operator) expect(footer, url).toContain(`承办单位：${config.operator}`);
      expect(footer, url).toContain(String(config.contact.phone));
      expect(link(tree, '网站地图')?.properties.href, url).toBe('/sitemap/');
    }
  });

  it('META-02, META-04, LAY-04: column pages carry their labels and list newest first with times', () => {
    const { model, pages } = site();
    for (const { url, tree } of pages.filter((p) => classify(model, p.url) === 'column')) {
      const column = model.config.columns.find((c) => c.id === url.split('/')[1])!;
      expect(meta(tree, 'ColumnName'), url).toBe(column.name);
      expect(meta(tree, 'ColumnDescription'), url).toBe(column.description);
      expect(meta(tree, 'ColumnKeywords'), url).toBe(column.keywords.length > 0 ? column.keywords.join(',') : column.name);
      expect(meta(tree, 'ColumnType'), url).toBe(column.type);
      expect(COLUMN_TYPES as readonly string[], url).toContain(meta(tree, 'ColumnType'));
      const times = selectAll('.item-list .pub-time time', tree).map((t) => toText(t));
      for (const time of times) expect(time, url).toMatch(TIME);
      expect(times, url).toEqual([...times].sort().reverse());
    }
  });

  it('META-02: a page carries all four column labels or none; an article page its column name and type (issue 25)', () => {
    const { model, pages } = site();
    const labels = ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType'];
    for (const { url, tree } of pages) {
      const present = labels.filter((name) => meta(tree, name) !== undefined);
      for (const name of present) expect(meta(tree, name), `${url} ${name}`).not.toBe('');
      if (classify(model, url) === 'article') expect(present, url).toEqual(['ColumnName', 'ColumnType']);
      else expect([[], labels], url).toContainEqual(present);
    }
    // The pages that stand as columns of their own carry all four.
    const special = ['/', '/search/', '/sitemap/', '/topics/', '/accessibility/', `/topics/${model.config.topics[0]!.id}/`];
    for (const url of special) {
      const page = pages.find((p) => p.url === url);
      expect(page, url).toBeDefined();
      expect(labels.filter((name) => meta(page!.tree, name) !== undefined), url).toEqual(labels);
    }
    expect(meta(pages.find((p) => p.url === '/')!.tree, 'ColumnDescription')).toContain(model.config.name);
  });

  it('META-03, LAY-03: article pages carry their labels, visible time and source', () => {
    const { model, pages } = site();
    const articles = pages.filter((p) => classify(model, p.url) === 'article');
    expect(articles.length).toBe(model.items.length);
    for (const { url, tree } of articles) {
      const item = model.items.find((i) => i.url === url)!;
      const column = model.config.columns.find((c) => c.id === item.columnId)!;
      expect(meta(tree, 'ArticleTitle'), url).toBe(item.data.title);
      expect(meta(tree, 'PubDate'), url).toBe(item.data.pubDate);
      expect(meta(tree, 'PubDate'), url).toMatch(TIME);
      expect(meta(tree, 'ContentSource'), url).toBe(item.data.source);
      expect(meta(tree, 'ColumnName'), url).toBe(column.name);
      expect(meta(tree, 'ColumnType'), url).toBe(column.type);
      expect(meta(tree, 'Url'), url).toBe(item.referenceOf?.url ?? `https://${model.config.domain}${item.url}`);
      expect(meta(tree, 'Description'), url).toBeTruthy();
      if (item.data.keywords.length > 0) expect(meta(tree, 'Keywords'), url).toBe(item.data.keywords.join(','));
      if (item.data.author) expect(meta(tree, 'Author'), url).toBe(item.data.author);
      if (item.data.image) expect(meta(tree, 'Image'), url).toBe(`https://${model.config.domain}${item.url}${item.data.image.replace(/^\.\//, '')}`);
      const text = toText(select('article', tree)!);
      expect(text, url).toContain(`发布时间：${item.data.pubDate}`);
      expect(text, url).toContain(`信息来源：${item.data.source}`);
    }
  });

  it('home page labels and newest-first lists', () => {
    const home = site().pages.find((p) => p.url === '/')!;
    expect(meta(home.tree, 'ColumnType')).toBe('首页');
    expect(selectAll('h1', home.tree)).toHaveLength(1);
    for (const list of selectAll('.home-section .item-list', home.tree)) {
      const times = selectAll('.pub-time time', list).map((t) => toText(t));
      expect(times).toEqual([...times].sort().reverse());
    }
  });
});
