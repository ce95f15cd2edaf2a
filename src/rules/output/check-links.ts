// CONT-13 / HEALTH-05 on the built output, before it is published (src/pipeline/build-site.ts):
//   - every internal link, image (src and srcset), attachment, stylesheet, script and form
//     target resolves to a file of the output (directory URLs to their index.html), and every
//     #anchor, on the same page or another, names an element id there (错链/断链);
//   - no hidden links (暗链, see hidden-links.ts);
//   - links to non-government sites go through the leave-site notice page;
//   - the external links of the site, listed for the inspection report.
// Links an editor wrote are CONT-13 findings on the item's MDX file, with the line where the
// address is written; the rest come from templates and are HEALTH-05 (hidden: CONT-13) findings
// on the page under dist/, one per address however many pages repeat it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { matches, selectAll } from 'hast-util-select';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { compareDiagnostics, diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { listOutputFiles } from '../../util/output-files.ts';
import { relativePath } from '../../util/paths.ts';
import type { SiteData } from '../../render/site-data.ts';
import { hidingClasses as classesThatHide } from './css-values.ts';
import { governmentHostPatterns, isGovernmentHost, normalizeHost, webHost } from '../../config/government-hosts.ts';
import { enter, hiddenLinkReason, linkText, ROOT_CONTEXT, type VisibilityContext } from './hidden-links.ts';
import { bodyOffset, findInSource, sourceCandidates, type SourcePlace } from './source-lines.ts';
import { OutputPageCache } from './page-cache.ts';

/** The element the templates render an item's body into ([column]/[slug].astro). */
export const BODY_SELECTOR = '.article__body';
/** What an #anchor can name. */
const ANCHOR_TARGETS = '[id], a[name]';
/** Where the leave-site notice pages live (templates/pages/leaving/[hash].astro). */
export const LEAVING_PREFIX = '/leaving/';

export interface LinkCheckSite {
  siteId: string;
  /** The site's own host names: absolute links to them are internal. */
  hosts: string[];
  items: Array<{ url: string; file: string; title: string }>;
  /** Notice pages: hash → destination. */
  leaving: Array<{ hash: string; url: string }>;
}

export interface LinkCheckInput {
  site: LinkCheckSite;
  /**
   * The output's HTML pages: path relative to the output folder (forward slashes) → HTML, or a
   * function reading it (called twice per page; pages are parsed one at a time).
   */
  pages: ReadonlyMap<string, string | (() => Promise<string>)>;
  /**
   * Every file of the output, paths relative to the output folder (forward slashes). A promise
   * when another step is still adding files (the search index): it is awaited only after every
   * page has been parsed, so the two overlap.
   */
  files: ReadonlySet<string> | Promise<ReadonlySet<string>>;
  /** The site's stylesheets, for classes that hide content (inline <style> elements are read from the pages). */
  css?: readonly string[];
  /** Text of an item's source file (project-relative path), for the line of a link. */
  readSource?: (file: string) => string | undefined;
  /** How a page's path appears in findings: its published place, e.g. dist/alpha/news/a/index.html. */
  pageFile?: (pagePath: string) => string;
  /** What earlier builds read of pages with the same bytes (page-cache.ts): those are not parsed again. */
  pageCache?: OutputPageCache<unknown>;
  /**
   * The SHA-256 of some pages' bytes, known without reading them (a page carried over from the
   * published output has it in the published integrity manifest): with the cache, such a page is
   * not read at all.
   */
  digests?: ReadonlyMap<string, string>;
}

export interface ExternalLink {
  url: string;
  host: string;
  government: boolean;
  /** Reached through the leave-site notice page (non-government links in item bodies). */
  viaNotice: boolean;
  /** URLs of the pages linking to it. */
  pages: string[];
}

export interface ExternalHost {
  host: string;
  government: boolean;
  /** Distinct addresses on that host. */
  urls: number;
  /** Pages linking to the host. */
  pages: number;
}

export interface ExternalLinks {
  siteId: string;
  hosts: ExternalHost[];
  links: ExternalLink[];
}

export interface LinkCheckResult {
  diagnostics: Diagnostic[];
  externalLinks: ExternalLinks;
}

type RefKind = 'link' | 'attachment' | 'image' | 'resource' | 'frame' | 'form';

const KIND_WORD: Record<RefKind, string> = {
  link: '链接',
  attachment: '附件',
  image: '图片',
  resource: '资源文件',
  frame: '嵌入页面',
  form: '表单提交地址',
};

/** A reference of a page, kept small: a large site's parsed pages are not kept in memory. */
interface Ref {
  kind: RefKind;
  /** The address as the page has it. */
  value: string;
  /** A link people follow (`a`, `area`), not a file the page loads. */
  isLink: boolean;
  /** Where the element is in the built HTML. */
  at?: SourcePlace;
  /** The link's text, for messages about hidden links. */
  text?: string;
  inBody: boolean;
  /** How many references to the same address came before it on the page (body and rest apart). */
  occurrence: number;
  /** Why the link cannot be seen (a and area only). */
  hidden?: string;
}

interface Page {
  path: string;
  url: string;
  ids: Set<string>;
  refs: Ref[];
  item?: LinkCheckSite['items'][number];
}

const ATTACHMENT = /\.(?:pdf|ofd|docx?|xlsx?|wps|et|csv|zip|rar|7z|pptx?|txt)$/i;
// Files a page loads or offers (feeds). Not `canonical`: it names the page's address for search
// engines (a 404 page's is its route, /404/), it is not a link anyone follows.
const RESOURCE_RELS = /\b(?:stylesheet|icon|apple-touch-icon|preload|modulepreload|manifest|alternate)\b/i;

/** `news/a/index.html` → `/news/a/`; `404.html` → `/404.html`. */
export function pageUrl(pagePath: string): string {
  if (pagePath === 'index.html') return '/';
  if (pagePath.endsWith('/index.html')) return `/${pagePath.slice(0, -'index.html'.length)}`;
  return `/${pagePath}`;
}

function stringProp(element: Element, name: string): string | undefined {
  const value = element.properties?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  return undefined;
}

function srcsetUrls(element: Element): string[] {
  const value = element.properties?.srcSet;
  const entries = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/,\s+/) : [];
  return entries.map((entry) => entry.trim().split(/\s+/)[0]!).filter(Boolean);
}

function position(element: Element): SourcePlace | undefined {
  const start = element.position?.start;
  return start ? { line: start.line, column: start.column } : undefined;
}

/** Parses a page and collects its ids, its references and, for links, whether they can be seen. */
function readPage(pagePath: string, tree: Root, classes: ReadonlyMap<string, string>): Page {
  const page: Page = { path: pagePath, url: pageUrl(pagePath), ids: new Set(), refs: [] };
  const seen = new Map<string, number>();
  const add = (kind: RefKind, value: string | undefined, element: Element, inBody: boolean, hidden?: string) => {
    if (value === undefined) return;
    const key = `${inBody} ${value}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const isLink = element.tagName === 'a' || element.tagName === 'area';
    page.refs.push({ kind, value, isLink, at: position(element), text: hidden ? linkText(element) : undefined, inBody, occurrence, hidden });
  };
  const walk = (nodes: readonly (RootContent | ElementContent)[], context: VisibilityContext, inBody: boolean) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const inside = enter(node, context, classes);
      const body = inBody || matches(BODY_SELECTOR, node);
      const tag = node.tagName;
      if (tag === 'a' || tag === 'area') {
        const href = stringProp(node, 'href');
        if (href !== undefined) {
          const kind: RefKind = present(node.properties?.download) || ATTACHMENT.test(href.split(/[?#]/)[0]!) ? 'attachment' : 'link';
          add(kind, href, node, body, hiddenLinkReason(node, inside, classes));
        }
      } else if (tag === 'img' || tag === 'source') {
        add('image', stringProp(node, 'src'), node, body);
        for (const url of srcsetUrls(node)) add('image', url, node, body);
      } else if (tag === 'link') {
        if (RESOURCE_RELS.test(stringProp(node, 'rel') ?? '')) add('resource', stringProp(node, 'href'), node, body);
      } else if (tag === 'script' || tag === 'embed' || tag === 'track' || tag === 'audio' || tag === 'video') {
        add('resource', stringProp(node, 'src'), node, body);
        if (tag === 'video') add('image', stringProp(node, 'poster'), node, body);
      } else if (tag === 'object') {
        add('resource', stringProp(node, 'data'), node, body);
      } else if (tag === 'iframe') {
        add('frame', stringProp(node, 'src'), node, body);
      } else if (tag === 'form') {
        add('form', stringProp(node, 'action'), node, body);
      }
      walk(node.children, inside, body);
      // <template> content is a separate fragment: everything in it is hidden.
      const content = (node as Element & { content?: Root }).content;
      if (content) walk(content.children, inside, body);
    }
  };
  walk(tree.children, ROOT_CONTEXT, false);
  for (const target of selectAll(ANCHOR_TARGETS, tree)) {
    for (const name of [stringProp(target, 'id'), target.tagName === 'a' ? stringProp(target, 'name') : undefined]) {
      if (name) page.ids.add(name);
    }
  }
  return page;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

type Target =
  | { type: 'skip' }
  | { type: 'external'; url: string; host: string }
  | { type: 'internal'; pathname: string; fragment: string; sameDocument: boolean }
  | { type: 'malformed' };

function classify(value: string, from: string, ownHosts: ReadonlySet<string>): Target {
  const v = value.trim();
  if (v === '') return { type: 'skip' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { type: 'skip' }; // mailto:, tel:, data:…
  const host = webHost(v);
  if (scheme || v.startsWith('//')) {
    if (!host) return { type: 'malformed' };
    if (!ownHosts.has(host)) return { type: 'external', url: v, host };
  }
  let url: URL;
  try {
    url = new URL(v, `https://site.invalid${from}`);
  } catch {
    return { type: 'malformed' };
  }
  let pathname: string;
  let fragment: string;
  try {
    pathname = decodeURIComponent(url.pathname);
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return { type: 'malformed' };
  }
  return { type: 'internal', pathname, fragment, sameDocument: v.startsWith('#') };
}

/** The output file a site path is served from, if there is one. */
function resolveFile(pathname: string, files: ReadonlySet<string>): string | undefined {
  const p = pathname.replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) return files.has(`${p}index.html`) ? `${p}index.html` : undefined;
  if (files.has(p)) return p;
  if (files.has(`${p}/index.html`)) return `${p}/index.html`;
  return undefined;
}

interface Finding {
  /** Rule when the editor wrote the link (always CONT-13) and when a template made it. */
  templateRuleId: 'CONT-13' | 'HEALTH-05';
  severity?: 'warn';
  page: Page;
  ref: Ref;
  /** Message without the page, which is added per finding or per group. */
  message: string;
  fix: string;
  templateFix: string;
  /** The address to look for in the source. */
  lookFor: string;
  /** Only a link inside the body counts as the editor's (the notice check: front matter is rendered by templates). */
  bodyOnly?: boolean;
}

const FIX = {
  broken:
    '核对地址：本站页面写成 /栏目标识/文章路径名/（以 / 结尾），本条目目录中的图片和附件写成 ./文件名，并确认文件已放进条目目录；页面已删除或迁移的，删除这个链接或改为现行页面的地址',
  anchor: (fragment: string) =>
    `锚点 #${fragment} 要与目标页面中某个元素的 id 完全一致：改为正确的锚点，或去掉 # 及其后面的部分，只链接到页面`,
  hidden:
    '删除这个链接，或让它正常显示：不要把链接放进隐藏的内容（hidden 属性、visually-hidden 等样式类），不要用样式改变它的显示、大小、位置或颜色；链接要有看得见的文字，图片链接要写替代文本',
  notice:
    '用 Markdown 链接 [链接文字](网址) 书写：构建时会自动把非政府网站的链接改为先显示离站提示页；如果该网站其实是党政机关网站，请平台运维组把它加入 data/government-hosts.yaml',
  template:
    '这个地址由网站模板或站点配置生成，不在任何条目的正文里：请平台技术人员检查模板和 site.yaml（栏目、频道、图标文件路径）；修好前该站点不会发布',
  templateHidden: '读者看不见的链接由网站模板生成：请平台技术人员修改模板，去掉或显示这个链接',
  templateNotice:
    '模板直接链接了非政府网站，没有先显示离站提示页：请平台技术人员让这个链接指向本站的离站提示页（plugins/rehype-external-link-notice.ts 的 leavingPath；站点数据 leaving 中已为它生成 /leaving/<编号>/ 页面），或在确认对方是党政机关网站后加入 data/government-hosts.yaml',
};

/** The `<style>` elements of a page, without parsing it. */
function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
}

export async function checkLinks(input: LinkCheckInput): Promise<LinkCheckResult> {
  const { site } = input;
  const html = async (pagePath: string) => {
    const value = input.pages.get(pagePath)!;
    return typeof value === 'string' ? value : value();
  };
  // Classes that hide come from every stylesheet of the site, inline ones included: read them
  // first, then parse one page at a time and keep only what it refers to.
  const css = [...(input.css ?? [])];
  const cache = input.pageCache as OutputPageCache<Ref> | undefined;
  // With the cache, each page's digest is kept from this first reading: a page whose reading is
  // cached is then not read a second time, and one whose digest is known is not read at all.
  // (A digest of the text is that of the bytes for UTF-8 pages; for others it only misses.)
  const digests = new Map<string, string>();
  for (const pagePath of input.pages.keys()) {
    const known = cache && input.digests?.get(pagePath);
    const knownStyles = known ? cache.styles(known) : undefined;
    if (known && knownStyles) {
      css.push(...knownStyles);
      digests.set(pagePath, known);
      continue;
    }
    const text = await html(pagePath);
    const styles = inlineStyles(text);
    css.push(...styles);
    if (cache) {
      const digest = OutputPageCache.digest(text);
      digests.set(pagePath, digest);
      cache.setStyles(digest, styles);
    }
  }
  const classes = classesThatHide([...new Set(css)].join('\n'));
  const governmentPatterns = governmentHostPatterns();
  const parser = unified().use(rehypeParse);
  const itemsByUrl = new Map(site.items.map((item) => [item.url, item]));
  const leavingByHash = new Map(site.leaving.map((l) => [l.hash, l.url]));
  const ownHosts = new Set(site.hosts.map(normalizeHost));
  const pages = new Map<string, Page>();
  cache?.useClasses(JSON.stringify([...classes]));
  for (const pagePath of input.pages.keys()) {
    const digest = digests.get(pagePath)!;
    const reading = cache?.get(digest);
    let page: Page;
    if (reading) page = { path: pagePath, url: pageUrl(pagePath), ids: new Set(reading.ids), refs: reading.refs };
    else {
      const text = await html(pagePath);
      page = readPage(pagePath, parser.parse(text), classes);
      if (cache) cache.set(digest, cache.styles(digest) ?? inlineStyles(text), { ids: [...page.ids], refs: page.refs });
    }
    page.item = itemsByUrl.get(page.url);
    pages.set(pagePath, page);
  }

  const files = await input.files;
  const findings: Finding[] = [];
  const external = new Map<string, ExternalLink>();
  const externalPages = new Map<ExternalLink, Set<string>>();
  const addExternal = (url: string, host: string, viaNotice: boolean, page: Page) => {
    const key = `${viaNotice ? 'notice' : 'direct'} ${url}`;
    const entry = external.get(key) ?? { url, host, government: isGovernmentHost(host, governmentPatterns), viaNotice, pages: [] };
    // A set beside the list: a link in every page's footer has thousands of pages (includes() made that quadratic).
    const seen = externalPages.get(entry) ?? new Set<string>();
    if (!seen.has(page.url)) {
      seen.add(page.url);
      entry.pages.push(page.url);
    }
    externalPages.set(entry, seen);
    external.set(key, entry);
  };
  const leavingHashOf = (pathname: string) => (pathname.startsWith(LEAVING_PREFIX) ? pathname.slice(LEAVING_PREFIX.length).replace(/\/(?:index\.html)?$/, '') : undefined);

  // The editor wrote the destination, the page has its notice page.
  const writtenAs = (value: string) => {
    const hash = leavingHashOf(value.trim().split(/[?#]/)[0]!);
    return (hash !== undefined && leavingByHash.get(hash)) || value;
  };

  // An absolute or root-relative address means the same on every page: parsed once (the header and
  // footer repeat dozens on each of 10,000 pages; parsing them took most of this loop).
  const classified = new Map<string, Target>();
  const classifyRef = (value: string, from: string): Target => {
    if (!/^\s*(?:[a-z][a-z0-9+.-]*:|\/)/i.test(value)) return classify(value, from, ownHosts);
    let target = classified.get(value);
    if (!target) classified.set(value, (target = classify(value, from, ownHosts)));
    return target;
  };

  for (const page of pages.values()) {
    const onNotice = leavingHashOf(page.url);
    const noticeDestination = onNotice ? leavingByHash.get(onNotice) : undefined;
    for (const ref of page.refs) {
      const word = KIND_WORD[ref.kind];
      const { isLink, text } = ref;
      if (ref.hidden) {
        findings.push({
          templateRuleId: 'CONT-13',
          page,
          ref,
          message: `暗链：${word}“${writtenAs(ref.value)}”${text ? `（文字“${text}”）` : ''}读者看不见：${ref.hidden}`,
          fix: FIX.hidden,
          templateFix: FIX.templateHidden,
          lookFor: writtenAs(ref.value),
        });
      }
      const target = classifyRef(ref.value, page.url);
      if (target.type === 'skip') continue;
      if (target.type === 'malformed') {
        findings.push({ templateRuleId: 'HEALTH-05', page, ref, message: `${word}地址“${ref.value}”写法有误，无法打开`, fix: FIX.broken, templateFix: FIX.template, lookFor: ref.value });
        continue;
      }
      if (target.type === 'external') {
        if (!isLink) continue;
        if (noticeDestination !== undefined && ref.value.trim() === noticeDestination) continue; // the notice's own "continue" link
        addExternal(target.url, target.host, false, page);
        if (!onNotice && !isGovernmentHost(target.host, governmentPatterns)) {
          findings.push({
            templateRuleId: 'CONT-13',
            // The editor's link must go through the notice (error); a template's is reported for
            // the platform's technicians (warn): an editor cannot change a template.
            severity: ref.inBody ? undefined : 'warn',
            page,
            ref,
            message: `${word}“${ref.value}”直接打开非政府网站 ${target.host}，没有先显示离站提示`,
            fix: FIX.notice,
            templateFix: FIX.templateNotice,
            lookFor: ref.value,
            bodyOnly: true,
          });
        }
        continue;
      }
      const file = resolveFile(target.pathname, files);
      const hash = leavingHashOf(target.pathname);
      if (isLink && hash !== undefined && !onNotice) {
        const destination = leavingByHash.get(hash);
        const host = destination && webHost(destination);
        if (destination && host) addExternal(destination, host, true, page);
      }
      if (!file) {
        findings.push({
          templateRuleId: 'HEALTH-05',
          page,
          ref,
          message:
            hash !== undefined && leavingByHash.has(hash)
              ? `${word}“${writtenAs(ref.value)}”的离站提示页 ${ref.value} 没有生成（断链）`
              : `${word}“${ref.value}”指向的${ref.kind === 'image' ? '图片文件' : ref.kind === 'attachment' ? '文件' : '页面或文件'}不存在（错链/断链）`,
          fix: FIX.broken,
          templateFix: FIX.template,
          lookFor: writtenAs(ref.value),
        });
        continue;
      }
      const fragment = target.fragment;
      if (fragment && fragment.toLowerCase() !== 'top' && file.endsWith('.html')) {
        const targetPage = pages.get(file);
        if (targetPage && !targetPage.ids.has(fragment)) {
          const where = target.sameDocument || targetPage === page ? '本页' : `页面 ${targetPage.url} `;
          findings.push({
            templateRuleId: 'HEALTH-05',
            page,
            ref,
            message: `${word}“${ref.value}”指向的锚点“#${fragment}”在${where}中不存在（错链）`,
            fix: FIX.anchor(fragment),
            templateFix: FIX.template,
            lookFor: ref.value,
          });
        }
      }
    }
  }

  return { diagnostics: toDiagnostics(findings, input), externalLinks: externalReport(site.siteId, [...external.values()]) };
}

/** Editors' findings one by one on their MDX file; template findings grouped by message over pages. */
function toDiagnostics(findings: readonly Finding[], input: LinkCheckInput): Diagnostic[] {
  const pageFile = input.pageFile ?? ((p: string) => p);
  const sources = new Map<string, string | undefined>();
  const source = (file: string) => {
    if (!sources.has(file)) sources.set(file, input.readSource?.(file));
    return sources.get(file);
  };
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, { finding: Finding; pages: string[]; seen: Set<string> }>();
  for (const finding of findings) {
    const { page, ref } = finding;
    let place: SourcePlace | undefined;
    let authored = ref.inBody;
    const text = page.item ? source(page.item.file) : undefined;
    if (page.item && text !== undefined && (authored || !finding.bodyOnly)) {
      place = findInSource(text, sourceCandidates(finding.lookFor, page.item.url), ref.occurrence, ref.inBody ? bodyOffset(text) : 0);
      // Outside the body, a link is the editor's when the source has its address (attachments,
      // images of the front matter); otherwise the template's.
      if (place && !finding.bodyOnly) authored = true;
    }
    if (page.item && authored) {
      diagnostics.push(
        diagnostic({
          ruleId: 'CONT-13',
          severity: finding.severity,
          file: page.item.file,
          line: place?.line,
          column: place?.column,
          message: `${finding.message}；所在页面 ${page.url}`,
          fix: finding.fix,
        }),
      );
      continue;
    }
    const key = `${finding.templateRuleId} ${finding.severity ?? ''} ${finding.message}`;
    const group = groups.get(key) ?? { finding, pages: [], seen: new Set<string>() };
    if (!group.seen.has(page.url)) {
      group.seen.add(page.url);
      group.pages.push(page.url);
    }
    groups.set(key, group);
  }
  for (const { finding, pages } of groups.values()) {
    const first = finding.page;
    const at = finding.ref.at;
    const shown = pages.slice(0, 5).join('、');
    const where = pages.length === 1 ? `所在页面 ${shown}` : `共 ${pages.length} 个页面：${shown}${pages.length > 5 ? ' 等' : ''}`;
    diagnostics.push(
      diagnostic({
        // Broken template links are HEALTH-05; hidden ones and notice bypasses stay CONT-13.
        ruleId: finding.templateRuleId,
        severity: finding.severity,
        file: pageFile(first.path),
        line: at?.line,
        column: at?.column,
        message: `${finding.message}；${where}`,
        fix: finding.templateFix,
      }),
    );
  }
  return diagnostics.sort(compareDiagnostics);
}

function externalReport(siteId: string, links: ExternalLink[]): ExternalLinks {
  links.sort((a, b) => a.host.localeCompare(b.host) || a.url.localeCompare(b.url) || Number(a.viaNotice) - Number(b.viaNotice));
  for (const link of links) link.pages.sort();
  const hosts = new Map<string, { host: string; government: boolean; urls: Set<string>; pages: Set<string> }>();
  for (const link of links) {
    const entry = hosts.get(link.host) ?? { host: link.host, government: link.government, urls: new Set(), pages: new Set() };
    entry.urls.add(link.url);
    for (const p of link.pages) entry.pages.add(p);
    hosts.set(link.host, entry);
  }
  return {
    siteId,
    hosts: [...hosts.values()].map((h) => ({ host: h.host, government: h.government, urls: h.urls.size, pages: h.pages.size })),
    links,
  };
}

export interface OutputCheckOptions {
  /** The built output to check (the staging folder). */
  outDir: string;
  /** Where the output will be published: findings on template pages name it (dist/<siteId>/…). */
  publishedDir: string;
  /** Folder holding sites/ and content/: source files are read from it. */
  root: string;
  data: Pick<SiteData, 'id' | 'config' | 'items' | 'leaving'>;
  /**
   * Settles when a step running at the same time has finished writing into `outDir` (the search
   * index, which adds no page and no stylesheet): pages are parsed meanwhile, and links are
   * resolved against the files as they are once it is done.
   */
  outputComplete?: Promise<unknown>;
  /** See LinkCheckInput.pageCache. */
  pageCache?: OutputPageCache<unknown>;
  /** See LinkCheckInput.digests. */
  digests?: ReadonlyMap<string, string>;
  /**
   * The output's files when the caller knows them (src/util/output-files.ts), instead of walking
   * `outDir`: `initial` as the pages are there, `complete` once outputComplete's step is done.
   */
  listing?: { initial: readonly string[]; complete: Promise<readonly string[]> };
}

const outputFiles = (outDir: string) => new Set(listOutputFiles(outDir));

const pageOrStylesheet = (file: string) => file.endsWith('.html') || file.endsWith('.css');

/** Reads the built site and checks it (see checkLinks). */
export async function checkOutputLinks(options: OutputCheckOptions): Promise<LinkCheckResult> {
  const { listing } = options;
  const initial = listing ? new Set(listing.initial) : outputFiles(options.outDir);
  const sorted = [...initial].sort();
  let final: Set<string> | undefined;
  const files = listing
    ? listing.complete.then((complete) => (final = new Set(complete)))
    : options.outputComplete
      ? options.outputComplete.then(() => (final = outputFiles(options.outDir)))
      : Promise.resolve((final = initial));
  // Awaited inside checkLinks; this only keeps a failure there from being reported twice.
  files.catch(() => undefined);
  // Synchronous reads (see src/util/hash-files.ts: thousands of pages, each read twice), each
  // after a turn of the event loop: the checks parse pages back to back, and without it the
  // search index running beside them (Pagefind's replies, its page reads) would wait for all.
  const read = (relative: string) => async () => {
    await yieldToEventLoop();
    return readFileSync(path.join(options.outDir, relative), 'utf8');
  };
  const pages = new Map(sorted.filter((f) => f.endsWith('.html')).map((f) => [f, read(f)]));
  const css = await Promise.all(sorted.filter((f) => f.endsWith('.css')).map((f) => read(f)()));
  const result = await checkCollected(options, pages, css, files);
  // Overlapping is only right if the other step added no page or stylesheet: else check again.
  const same = (a: Set<string>, b: Set<string>) => [...a].filter(pageOrStylesheet).sort().join('\n') === [...b].filter(pageOrStylesheet).sort().join('\n');
  if (final && !same(initial, final)) return checkOutputLinks({ ...options, outputComplete: undefined, listing: undefined });
  return result;
}

function checkCollected(
  options: OutputCheckOptions,
  pages: LinkCheckInput['pages'],
  css: string[],
  files: Promise<ReadonlySet<string>>,
): Promise<LinkCheckResult> {
  const { data } = options;
  return checkLinks({
    site: {
      siteId: data.id,
      hosts: [data.config.domain, data.config.chineseDomain].filter((h): h is string => Boolean(h)),
      items: data.items.map((item) => ({ url: item.url, file: item.file, title: item.data.title })),
      leaving: data.leaving,
    },
    pages,
    files,
    css,
    readSource: (file) => {
      try {
        return readFileSync(path.join(options.root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    pageFile: (pagePath) => relativePath(options.root, path.join(options.publishedDir, pagePath)),
    pageCache: options.pageCache,
    digests: options.digests,
  });
}
