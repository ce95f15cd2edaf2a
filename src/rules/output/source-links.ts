// CONT-13 / HEALTH-05 from the sources, across the platform, without rendering: every internal
// link of an item body (Markdown links and images, HTML elements; `/栏目/路径名/`, relative, and
// absolute to the domain of any site of the platform, this one or another) and every channel path
// of site.yaml resolves to a page or file the builds will write (platform-pages.ts). The
// addresses come from the item load (src/content/body-links.ts, kept in the item cache), so
// `npm run check` and its pre-commit form stay fast; they are resolved afresh every run, since
// the target can be another file, or another site. The output check (check-links.ts) still
// checks the built pages, anchors, and what templates make.
//
// Not here: images other than the site's assets and relative files of the item's own folder
// (`./plan.pdf`): the content rules judge those at the source already (SEC-01, CONT-12, CONT-13:
// remark-local-files.ts, remark-attachments.ts);
// leave-site notice pages (/leaving/…), which the build makes from other bodies; anchors (#…),
// which only the rendered page has; copies by reference (PUB-07), whose body is their original's,
// checked on its own site; and links to a site that publishes only its notice (SITE-09), which
// shows it at every address.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ContentItem } from '../../content/items.ts';
import type { BodyLink } from '../../content/body-links.ts';
import { closestName } from '../../util/closest-name.ts';
import type { LoadedSite } from '../load-site.ts';
import { LEAVING_PREFIX } from './link-findings.ts';
import { classify } from './link-targets.ts';
import type { PlatformPages, PlatformSite } from './platform-pages.ts';

/** Page extensions: a relative link to one is a page, not a file of the item's folder. */
const PAGE_EXTENSIONS = /\.(?:html?|shtml)$/i;

const shorten = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text);

/** Where a written address points on the platform, or undefined when it is not ours to check. */
function targetOf(written: string, from: string, site: PlatformSite, pages: PlatformPages): { site: PlatformSite; pathname: string } | undefined {
  const target = classify(written, from, new Set(site.hosts));
  if (target.type === 'internal') return { site, pathname: target.pathname };
  if (target.type !== 'external') return undefined;
  const other = pages.siteOfHost(target.host);
  if (!other) return undefined;
  try {
    return { site: other, pathname: decodeURIComponent(new URL(written.trim(), 'https://site.invalid/').pathname) };
  } catch {
    return undefined;
  }
}

/**
 * An address the content rules check at the source already (see above): an image anywhere but the
 * site's assets (a file of the item's folder, or refused by SEC-01), a relative file link.
 */
function contentRulesCheck(link: BodyLink): boolean {
  const written = link.url.trim();
  if (link.image) return !written.startsWith('/assets/');
  if (/^(?:[a-z][a-z0-9+.-]*:|\/)/i.test(written)) return false;
  const name = written.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return /\.[a-z0-9]+$/i.test(name) && !PAGE_EXTENSIONS.test(name);
}

/** How to fix a broken address: the file it would be, a close address that exists. */
function fixFor(target: { site: PlatformSite; pathname: string }, ownSite: PlatformSite): string {
  const prefix = target.site === ownSite ? '' : `https://${target.site.domain}`;
  // Only addresses of the same column and about the same length can be close (closestName's
  // tolerance is a third of the length): a site of 10,000 items is not compared whole per link.
  const column = target.pathname.split('/')[1] ?? '';
  const near = (url: string) => url.startsWith(`/${column}/`) && Math.abs(url.length - target.pathname.length) <= target.pathname.length / 3 + 1;
  const urls = [...target.site.items.values()].map((item) => item.url).filter(near);
  const close = closestName(target.pathname, urls);
  const hint = close ? `是不是要链接 ${prefix}${close}？` : '';
  const itemLike = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/i.exec(target.pathname);
  const file = itemLike ? `这个地址对应的内容文件应是 content/${target.site.siteId}/${itemLike[1]}/${itemLike[2]}.mdx 或 content/${target.site.siteId}/${itemLike[1]}/${itemLike[2]}/index.mdx，` : '';
  return `${hint}核对地址：${file}本站页面写成 /栏目标识/路径名/（以 / 结尾），其他网站的页面写完整网址；页面已删除或迁移的，删除这个链接或改为现行页面的地址`;
}

function whereOf(target: { site: PlatformSite; pathname: string }, ownSite: PlatformSite): string {
  return target.site === ownSite ? `本站页面 ${target.pathname}` : `本平台网站“${target.site.name}”（${target.site.domain}）的页面 ${target.pathname}`;
}

/** The broken links of one item body. */
function itemFindings(item: ContentItem, site: PlatformSite, pages: PlatformPages, now: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  // A scheduled item is checked as of its own time: what is published by then is there.
  const at = item.data.pubDate > now ? item.data.pubDate : now;
  for (const link of item.links ?? []) {
    if (contentRulesCheck(link)) continue;
    const target = targetOf(link.url, item.url, site, pages);
    if (!target || target.pathname.startsWith(LEAVING_PREFIX) || target.site.noticeOnly) continue;
    if (pages.resolve(target.site, target.pathname, at)) continue;
    const what = link.image ? '图片' : '链接';
    const scheduled = pages.itemOfPage(target.site, `${target.pathname.replace(/^\/+/, '').replace(/\/?$/, '/')}index.html`);
    const when = scheduled ? `：${scheduled.file} 定时于 ${scheduled.data.pubDate} 发布，在此之前这个页面不存在` : '';
    found.push(
      diagnostic({
        ruleId: 'CONT-13',
        file: item.file,
        line: link.line,
        column: link.column,
        message: `${what}“${shorten(link.url.trim())}”指向的${whereOf(target, site)} 不存在（错链/断链）${when}`,
        fix: scheduled ? '等该内容发布后再发布本文（把本文的 pubDate 改为不早于它的时间），或先删除这个链接' : fixFor(target, site),
      }),
    );
  }
  return found;
}

/** HEALTH-05: a channel of site.yaml with a `path` leads to a page the build writes. */
function channelFindings(loaded: LoadedSite, site: PlatformSite, pages: PlatformPages, now: string): Diagnostic[] {
  const source = loaded.source!;
  const found: Diagnostic[] = [];
  source.config.channels.forEach((channel, index) => {
    if (channel.path === undefined) return;
    const target = targetOf(channel.path, '/', site, pages);
    if (!target || pages.resolve(target.site, target.pathname, now)) return;
    found.push(
      diagnostic({
        ruleId: 'HEALTH-05',
        file: source.file,
        ...source.locate(['channels', index, 'path']),
        field: `channels.${index}.path`,
        message: `频道“${channel.title}”的路径 ${shorten(channel.path)} 指向的本站页面不存在（断链）：网站每个页面的导航都有这个链接`,
        fix: '改为已有页面的路径（栏目写成 column: 栏目标识），或删除这个频道',
      }),
    );
  });
  return found;
}

/** The platform's broken internal links, per site: CONT-13 on item files, HEALTH-05 on site.yaml. */
export function checkSourceLinks(pages: PlatformPages, loaded: ReadonlyMap<string, LoadedSite>, now: string): Map<string, Diagnostic[]> {
  const found = new Map<string, Diagnostic[]>();
  for (const [siteId, site] of pages.sites) {
    const source = loaded.get(siteId)!;
    // A site that publishes only its notice publishes none of its items' pages.
    const items = site.noticeOnly ? [] : source.source!.items.filter((item) => !item.referenceOf);
    found.set(siteId, [...channelFindings(source, site, pages, now), ...items.flatMap((item) => itemFindings(item, site, pages, now))]);
  }
  return found;
}
