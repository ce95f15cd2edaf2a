// SITE-09's notices: what readers see of a site's lifecycle (see site-09-lifecycle.ts for when
// each is shown), computed where the whole platform is loaded, since a parent portal shows its
// children's notices. The rule that checks the lifecycle is site-09-lifecycle.ts.
import type { SiteConfig } from '../../schema/site-schema.ts';
import type { PlatformSite } from './index.ts';
import { chineseDate, DAY, endOf, moment, NOTICE_DAYS, startOf } from './lifecycle-dates.ts';

type OfflinePeriod = NonNullable<SiteConfig['lifecycle']['offline']>[number];
type SiteLink = { name: string; url: string };

/** A piece of a notice's paragraph: text, a link, or a date. */
export type NoticeText = string | { href: string; text: string } | { datetime: string; text: string };

export type NoticeKind = 'launch' | 'offline' | 'migration' | 'closure' | 'domain-change';

export interface LifecycleNotice {
  kind: NoticeKind;
  /** The site the notice is about. */
  siteId: string;
  /** 关于测试市数据管理局网站开通的公告 */
  title: string;
  paragraphs: NoticeText[][];
  /** The organizer of the site the notice is about (落款). */
  signedBy: string;
  /** The date the notice bears: when the state it announces began (YYYY-MM-DD)… */
  date: string;
  /** …as the notice writes it: 2026年3月1日. */
  dateText: string;
  /** Shown from this moment (`YYYY-MM-DD HH:MM`, China time)… */
  shownFrom: string;
  /** …until before this moment; absent: for as long as the state lasts. */
  shownUntil?: string;
}

/** Every notice of a site with its window, whatever the time: a model is valid for any `now`. */
export interface NoticeCandidates {
  /** Pinned on the site's home page while in their window. */
  home: LifecycleNotice[];
  /** A temporarily offline or closed site publishes only one of these (index.html and 404.html). */
  outage: LifecycleNotice[];
}

/** The notices in force at the build time: what the templates show. */
export interface SiteNotices {
  home: LifecycleNotice[];
  /** Set when the site's whole output is this notice. */
  outage?: LifecycleNotice;
}

/** The order notices are pinned in. */
const URGENCY: NoticeKind[] = ['migration', 'offline', 'closure', 'domain-change', 'launch'];

export const NO_NOTICES: NoticeCandidates = { home: [], outage: [] };

export function siteUrl(config: SiteConfig): string {
  return `https://${config.domain}/`;
}

const link = (target: SiteLink): NoticeText => ({ href: target.url, text: target.name });
const when = (value: string): NoticeText => ({ datetime: value.includes(' ') ? value.replace(' ', 'T') + ':00+08:00' : value, text: chineseDate(value) });

function notice(site: PlatformSite, kind: NoticeKind, title: string, date: string, window: { from: number; until?: number }, paragraphs: NoticeText[][]): LifecycleNotice {
  return {
    kind,
    siteId: site.id,
    title: `关于${site.config.name}网站${title}的公告`,
    paragraphs: paragraphs.map((p) => p.filter((t) => t !== '')),
    signedBy: site.config.organizer,
    date: date.slice(0, 10),
    dateText: chineseDate(date.slice(0, 10)),
    shownFrom: moment(window.from),
    ...(window.until !== undefined ? { shownUntil: moment(window.until) } : {}),
  };
}

function launchNotice(site: PlatformSite, launchedAt: string): LifecycleNotice {
  const { config } = site;
  const start = startOf(launchedAt);
  return notice(site, 'launch', '开通', launchedAt, { from: start, until: start + NOTICE_DAYS * DAY }, [
    [
      `${config.name}网站于`,
      when(launchedAt),
      '正式开通，网址为 ',
      { href: siteUrl(config), text: siteUrl(config) },
      config.chineseDomain ? `，中文域名为“${config.chineseDomain}”` : '',
      '。欢迎访问。',
    ],
    ...(config.lifecycle.launchNotice ? [[config.lifecycle.launchNotice]] : []),
  ]);
}

function offlineNotice(site: PlatformSite, period: OfflinePeriod, meanwhile: SiteLink | undefined): LifecycleNotice {
  const { config } = site;
  return notice(site, 'offline', '临时下线', period.from, { from: startOf(period.from), until: endOf(period.to) }, [
    [
      `因${period.reason.replace(/[。，；]$/, '')}，`,
      period.approval ? `经批准（${period.approval}），` : '',
      `${config.name}网站于`,
      when(period.from),
      '至',
      when(period.to),
      '临时下线，暂停访问。',
    ],
    ...(meanwhile ? [['下线期间，请访问', link(meanwhile), '获取相关信息和服务。']] : []),
    [`如有疑问，请拨打 ${config.contact.phone}。给您带来不便，敬请谅解。`],
  ]);
}

function migrationNotice(site: PlatformSite, start: string, destination: SiteLink): LifecycleNotice {
  const { config } = site;
  const { migration } = config.lifecycle;
  return notice(site, 'migration', '整合迁移', start, { from: startOf(start) }, [
    [
      migration?.approval ? `经批准（${migration.approval}），` : '',
      `${config.name}网站自`,
      when(start),
      '起整合迁移至',
      link(destination),
      '，原有信息和服务将在新网站继续提供。请访问 ',
      { href: destination.url, text: destination.url },
      '，并更新您收藏的网址。',
    ],
    ...(migration?.notice ? [[migration.notice]] : []),
  ]);
}

function closureNotice(site: PlatformSite, closedAt: string, destination: SiteLink, keep: 'parent' | 'own'): LifecycleNotice {
  const { config } = site;
  const start = startOf(closedAt);
  return notice(site, 'closure', '关停', closedAt, { from: start, ...(keep === 'parent' ? { until: start + NOTICE_DAYS * DAY } : {}) }, [
    [`${config.name}网站已于`, when(closedAt), '关停，原有内容已整合迁移至', link(destination), '。'],
    ['请访问 ', { href: destination.url, text: destination.url }, ' 获取相关信息和服务。'],
  ]);
}

function domainChangeNotice(site: PlatformSite, previous: { domain: string; until: string }): LifecycleNotice {
  const { config } = site;
  const start = startOf(previous.until);
  return notice(site, 'domain-change', '域名变更', previous.until, { from: start, until: start + NOTICE_DAYS * DAY }, [
    [`${config.name}网站域名已于`, when(previous.until), `由 ${previous.domain} 变更为 ${config.domain}，原域名停止使用。`],
    ['请使用新网址 ', { href: siteUrl(config), text: siteUrl(config) }, ' 访问，并更新您收藏的网址。'],
  ]);
}

/**
 * Every site's notices, by site id. `sound(id)` says whether a site's lifecycle can be trusted
 * (no SITE-09 error): a site whose lifecycle is wrong announces nothing, here or on its parent.
 */
export function lifecycleNotices(platform: ReadonlyMap<string, PlatformSite>, sound: (siteId: string) => boolean): Map<string, NoticeCandidates> {
  const notices = new Map<string, NoticeCandidates>([...platform.keys()].map((id) => [id, { home: [], outage: [] }]));
  for (const site of platform.values()) {
    if (!sound(site.id)) continue;
    const own = notices.get(site.id)!;
    const { lifecycle } = site.config;
    const parent = site.config.parent ? platform.get(site.config.parent) : undefined;
    const onParent = parent ? notices.get(parent.id)!.home : [];
    const parentLink = parent ? { name: parent.config.name, url: siteUrl(parent.config) } : undefined;
    const destination = lifecycle.migration?.destination;

    if (lifecycle.launchedAt && lifecycle.status !== 'closed') onParent.push(launchNotice(site, lifecycle.launchedAt));
    if (lifecycle.status === 'temporarily-offline') {
      for (const period of lifecycle.offline ?? []) {
        const offline = offlineNotice(site, period, period.alternative ?? parentLink);
        own.outage.push(offline);
        onParent.push(offline);
      }
    }
    if (lifecycle.status === 'migrating' && lifecycle.migration?.start && destination) {
      own.home.push(migrationNotice(site, lifecycle.migration.start, destination));
    }
    if (lifecycle.status === 'closed' && lifecycle.closedAt && destination) {
      own.outage.push(closureNotice(site, lifecycle.closedAt, destination, 'own'));
      onParent.push(closureNotice(site, lifecycle.closedAt, destination, 'parent'));
    }
    for (const previous of lifecycle.previousDomains ?? []) own.home.push(domainChangeNotice(site, previous));
  }
  for (const [id, { home, outage }] of notices) {
    // The site's own notices first (its migration above all), then those about the sites below
    // it; by urgency, then newest first.
    home.sort(
      (a, b) =>
        Number(a.siteId !== id) - Number(b.siteId !== id) ||
        URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind) ||
        b.shownFrom.localeCompare(a.shownFrom) ||
        a.siteId.localeCompare(b.siteId),
    );
    outage.sort((a, b) => a.shownFrom.localeCompare(b.shownFrom));
  }
  return notices;
}

function inForce(notice: LifecycleNotice, now: string): boolean {
  return notice.shownFrom <= now && (notice.shownUntil === undefined || now < notice.shownUntil);
}

/** The notices in force at `now`. */
export function activeNotices(candidates: NoticeCandidates, now: string): SiteNotices {
  const home = candidates.home.filter((n) => inForce(n, now));
  // The rule makes sure an offline site has the period covering now; data made for another time
  // than the check's (a dev preview with --now) still shows the latest notice, never the pages.
  const outage = candidates.outage.find((n) => inForce(n, now)) ?? candidates.outage.at(-1);
  return outage ? { home, outage } : { home };
}
