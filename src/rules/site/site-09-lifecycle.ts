// SITE-09: a site's lifecycle (指引 三（二）; 晋 第七条（四）、第八条; 陕 第七条（四）、第八条; 浙 第十八条),
// checked and rendered against the build time `now`.
//
// The rule: a portal is never closed; a temporary offline period lasts at most 30 days and
// happens at most once a year (two periods starting less than 365 days apart; an emergency
// period, reported in writing, does not count); `temporarily-offline` needs the period covering
// now; `migrating` needs the destination and the date the migration notice went up; `closed`
// needs the closing date, the destination, and a migration notice that was up 30 days first.
// Dates are well-formed (the schema) and in order (here).
//
// The notices (lifecycle-notices.ts): what readers see, computed where the whole platform is
// loaded (a parent portal shows its children's notices). `lifecycleNotices` gives every notice with the window it is
// shown in; `activeNotices` picks those in force at the build time, so a model stays valid for
// any `now` and the templates receive exactly what to show:
//   - on the parent portal's home page: a launch notice (开通公告) for 30 days from `launchedAt`,
//     a temporary offline notice while the period lasts, a closure notice naming where the
//     content went for 30 days from `closedAt`;
//   - on the site's own home page: the migration notice from `migration.start` while migrating,
//     a domain change notice for 30 days from the change;
//   - as the site's whole output (`outage`): the offline notice while offline, the closure
//     notice once closed.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { isCalendarDate } from '../../schema/fields.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';
import { currentChinaDateTime } from '../../util/china-time.ts';
import type { SiteRule, SiteRuleContext } from './index.ts';
import { addDays, DAY, dateOf, daysBetween, endOf, moment, NOTICE_DAYS, startOf } from './lifecycle-dates.ts';
import { LEVEL_LABEL, report } from './support.ts';

const RULE = 'SITE-09';
const MAX_OFFLINE_DAYS = 30;
/** At most one temporary offline period a year: starts at least 365 days apart. */
const OFFLINE_GAP_DAYS = 365;

type Lifecycle = SiteConfig['lifecycle'];
type OfflinePeriod = NonNullable<Lifecycle['offline']>[number];

const OFFLINE_SNIPPET = (from: string, to: string) =>
  `offline:\n  - from: ${from}\n    to: ${to}\n    reason: 系统升级改造\n    approval: 示政办函〔2026〕12号`;

const MIGRATION_SNIPPET = `migration:\n  start: 2026-09-01\n  destination:\n    name: 测试市人民政府\n    url: https://www.ceshi.gov.cn/`;

interface DatedPeriod {
  index: number;
  period: OfflinePeriod;
  start: number;
  end: number;
}

function offlinePeriods(lifecycle: Lifecycle): DatedPeriod[] {
  return (lifecycle.offline ?? [])
    .map((period, index) => ({ index, period, start: startOf(period.from), end: endOf(period.to) }))
    .sort((a, b) => a.start - b.start || a.index - b.index);
}

/** The latest `to` a period starting at `start` may have, written the way `to` was written. */
function latestEnd(start: number, to: string): string {
  const limit = start + MAX_OFFLINE_DAYS * DAY;
  return isCalendarDate(to) ? dateOf(limit - DAY) : moment(limit);
}

function checkPortal(context: SiteRuleContext): Diagnostic[] {
  const { config } = context.site;
  if (config.kind !== 'portal' || config.lifecycle.status !== 'closed') return [];
  return [
    report(context, RULE, ['lifecycle', 'status'], {
      message: `政府门户网站不得关停（晋 第八条（一）；陕 第八条（三）；浙 第十八条）：本站是${LEVEL_LABEL[config.level]}政府门户网站，运行状态 status 却写了“closed”`,
      fix: '把 status 改为 online；门户网站改版或迁往新平台时写 status: migrating 并在 migration 中写明新网址，迁移期间网站须正常运行',
    }),
  ];
}

function checkLaunch(context: SiteRuleContext, today: string): Diagnostic[] {
  const { lifecycle } = context.site.config;
  if (lifecycle.launchNotice === undefined || lifecycle.launchedAt !== undefined) return [];
  return [
    report(context, RULE, ['lifecycle', 'launchNotice'], {
      message: '写了开通公告 launchNotice，但没有开通日期 launchedAt：上级门户网站首页不知道从哪天起显示开通公告',
      fix: `在 lifecycle 中添加一行 launchedAt: YYYY-MM-DD（网站正式开通的日期，例如 launchedAt: ${today}）`,
    }),
  ];
}

/** A date of the history that cannot come before the site was launched. */
function notBeforeLaunch(context: SiteRuleContext, path: (string | number)[], value: string, what: string): Diagnostic[] {
  const { launchedAt } = context.site.config.lifecycle;
  if (!launchedAt || startOf(value) >= startOf(launchedAt)) return [];
  return [
    report(context, RULE, path, {
      message: `${what}“${value}”早于网站开通日期 launchedAt“${launchedAt}”`,
      fix: `核对这两个日期：${what}应在 ${launchedAt} 或以后；开通日期写错的，改正 launchedAt`,
    }),
  ];
}

function checkOffline(context: SiteRuleContext, now: string): Diagnostic[] {
  const { lifecycle } = context.site.config;
  const found: Diagnostic[] = [];
  const periods = offlinePeriods(lifecycle);
  const at = (p: DatedPeriod, field: keyof OfflinePeriod) => ['lifecycle', 'offline', p.index, field];

  for (const p of periods) {
    const { from, to } = p.period;
    if (p.end <= p.start) {
      found.push(
        report(context, RULE, at(p, 'to'), {
          message: `临时下线的结束“${to}”不晚于开始“${from}”`,
          fix: `to 写下线的最后一天（当天 24:00 恢复），或恢复上线的时间“日期 时:分”，须晚于 from，例如 to: ${latestEnd(p.start, to)}（最长 30 天）`,
        }),
      );
      continue;
    }
    const days = daysBetween(p.start, p.end);
    if (days > MAX_OFFLINE_DAYS) {
      found.push(
        report(context, RULE, at(p, 'to'), {
          message: `临时下线不得超过 ${MAX_OFFLINE_DAYS} 天（晋 第八条（二）；陕 第八条（一））：${from} 至 ${to} 共 ${days} 天`,
          fix: `把 to 改为 ${latestEnd(p.start, to)} 或更早；确需更长时间整改的，应按整合迁移办理，不能以临时下线代替`,
        }),
      );
    }
    found.push(...notBeforeLaunch(context, at(p, 'from'), from, '临时下线开始'));
  }

  // Overlaps, then the once-a-year limit over the periods that count.
  for (let i = 1; i < periods.length; i++) {
    const [a, b] = [periods[i - 1]!, periods[i]!];
    if (b.start < a.end && a.end > a.start) {
      found.push(
        report(context, RULE, at(b, 'from'), {
          message: `两次临时下线时间重叠：${a.period.from} 至 ${a.period.to} 与 ${b.period.from} 至 ${b.period.to}`,
          fix: '同一次下线只写一项；两次下线的，改正日期使后一次在前一次结束之后开始',
        }),
      );
    }
  }
  const counted = periods.filter((p) => !p.period.emergency);
  for (let i = 1; i < counted.length; i++) {
    const [a, b] = [counted[i - 1]!, counted[i]!];
    const gap = Math.floor((b.start - a.start) / DAY);
    if (b.start >= a.end && gap < OFFLINE_GAP_DAYS) {
      found.push(
        report(context, RULE, at(b, 'from'), {
          message: `临时下线每年不得超过 1 次（晋 第八条（二）；陕 第八条（一））：${a.period.from} 和 ${b.period.from} 两次下线开始时间只相隔 ${gap} 天`,
          fix: `第二次临时下线最早在 ${dateOf(a.start + OFFLINE_GAP_DAYS * DAY)} 开始；因不可抗因素断电断网或被责令紧急关停、已书面报备的，在这一项中加一行 emergency: true（不计入当年下线次数）`,
        }),
      );
    }
  }

  const nowAt = startOf(now);
  const current = periods.find((p) => p.start <= nowAt && nowAt < p.end);
  if (lifecycle.status === 'temporarily-offline' && !current) {
    const last = periods.at(-1);
    const suggestion = OFFLINE_SNIPPET(now.slice(0, 10), addDays(now.slice(0, 10), 13));
    found.push(
      report(context, RULE, ['lifecycle', 'status'], {
        message: last
          ? `运行状态是 temporarily-offline（临时下线），但 offline 中没有包含当前时间 ${now} 的下线时段（最近一次是 ${last.period.from} 至 ${last.period.to}）`
          : `运行状态是 temporarily-offline（临时下线），但没有写下线时段 offline：公告须写明下线起止时间和原因`,
        fix: last && last.end <= nowAt
          ? `网站已恢复上线的，把 status 改为 online（offline 中的记录保留）；尚未恢复的，网站下线不得超过 30 天，请尽快恢复上线`
          : `在 lifecycle 中写明本次下线（每次不超过 30 天，每年不超过 1 次）：\n${suggestion}`,
      }),
    );
  } else if (lifecycle.status !== 'temporarily-offline' && current && lifecycle.status !== 'closed') {
    found.push(
      report(context, RULE, at(current, 'from'), {
        severity: 'warn',
        message: `临时下线时段 ${current.period.from} 至 ${current.period.to} 包含当前时间 ${now}，运行状态却是 ${lifecycle.status}：网站照常发布，上级门户网站不显示下线公告`,
        fix: `网站确已下线的，把 status 改为 temporarily-offline；提前恢复或推迟下线的，把 from、to 改为实际的时间`,
      }),
    );
  }
  return found;
}

/** A migrating or closed site says where its content goes and since when the notice is up. */
function checkMigration(context: SiteRuleContext, now: string): Diagnostic[] {
  const { status, migration } = context.site.config.lifecycle;
  const found: Diagnostic[] = [];
  const statusLabel = status === 'closed' ? 'closed（已关停）' : 'migrating（整合迁移中）';
  const today = now.slice(0, 10);

  if (status === 'migrating' || status === 'closed') {
    if (!migration) {
      found.push(
        report(context, RULE, ['lifecycle', 'migration'], {
          at: ['lifecycle', 'status'],
          message:
            status === 'closed'
              ? `运行状态是 ${statusLabel}，但没有写整合迁移信息 migration：关停公告须说明原有内容的去向（destination），关停前须在首页悬挂迁移公告至少 ${NOTICE_DAYS} 天（start）`
              : `运行状态是 ${statusLabel}，但没有写整合迁移信息 migration：首页迁移公告须写明原有内容的去向（destination）和公告日期（start）`,
          fix: `在 lifecycle 中添加迁移信息（start 是首页开始悬挂迁移公告的日期）：\n${MIGRATION_SNIPPET}`,
        }),
      );
    } else {
      if (!migration.destination) {
        found.push(
          report(context, RULE, ['lifecycle', 'migration', 'destination'], {
            at: ['lifecycle', 'status'],
            message:
              status === 'closed'
                ? `运行状态是 ${statusLabel}，但没有写原有内容的去向 migration.destination：关停公告须说明原有内容迁往哪里（晋 第八条（三））`
                : `运行状态是 ${statusLabel}，但没有写迁移去向 migration.destination：首页迁移公告须写明原有内容迁往哪里`,
            fix: '在 migration 中添加去向网站（或栏目）的名称和网址：\n  destination:\n    name: 测试市人民政府\n    url: https://www.ceshi.gov.cn/',
          }),
        );
      }
      if (!migration.start) {
        found.push(
          report(context, RULE, ['lifecycle', 'migration', 'start'], {
            at: ['lifecycle', 'status'],
            message: `运行状态是 ${statusLabel}，但没有写迁移公告的悬挂日期 migration.start`,
            fix: `在 migration 中添加一行 start: YYYY-MM-DD（首页开始悬挂迁移公告的日期，例如 start: ${today}）；关停须在这一天 ${NOTICE_DAYS} 天之后`,
          }),
        );
      }
    }
  } else if (migration) {
    found.push(
      report(context, RULE, ['lifecycle', 'migration'], {
        severity: 'warn',
        message: `写了整合迁移信息 migration，但运行状态是 ${status}：首页不显示迁移公告`,
        fix: '开始迁移时把 status 改为 migrating；迁移已取消的，删除 migration',
      }),
    );
  }
  if (migration?.start) found.push(...notBeforeLaunch(context, ['lifecycle', 'migration', 'start'], migration.start, '迁移公告日期'));
  return found;
}

/** A closed site has its closing date, reached, after the migration notice's 30 days. */
function checkClosure(context: SiteRuleContext, now: string): Diagnostic[] {
  const { status, migration, closedAt } = context.site.config.lifecycle;
  const found: Diagnostic[] = [];
  const today = now.slice(0, 10);
  if (status === 'closed') {
    if (!closedAt) {
      found.push(
        report(context, RULE, ['lifecycle', 'closedAt'], {
          at: ['lifecycle', 'status'],
          message: '运行状态是 closed（已关停），但没有写关停日期 closedAt：上级门户网站据此显示关停公告 30 天',
          fix: `在 lifecycle 中添加一行 closedAt: YYYY-MM-DD（网站关停的日期，例如 closedAt: ${today}）`,
        }),
      );
    } else if (closedAt > today) {
      found.push(
        report(context, RULE, ['lifecycle', 'closedAt'], {
          message: `关停日期 closedAt“${closedAt}”还没到（现在是 ${now}）`,
          fix: `关停之前保持 status: migrating，首页继续悬挂迁移公告；到 ${closedAt} 或以后再把 status 改为 closed`,
        }),
      );
    }
  }
  if (closedAt && migration?.start) {
    const days = daysBetween(startOf(migration.start), startOf(closedAt));
    if (days < NOTICE_DAYS) {
      found.push(
        report(context, RULE, ['lifecycle', 'closedAt'], {
          message: `迁移公告须在首页悬挂至少 ${NOTICE_DAYS} 天才能关停（陕 第八条（三））：迁移公告 ${migration.start} 起，${closedAt} 关停只悬挂了 ${days} 天`,
          fix: `把 closedAt 改为 ${addDays(migration.start, NOTICE_DAYS)} 或以后；在此之前保持 status: migrating`,
        }),
      );
    }
  }
  if (closedAt && status !== 'closed') {
    found.push(
      report(context, RULE, ['lifecycle', 'closedAt'], {
        message: `写了关停日期 closedAt“${closedAt}”，运行状态却是 ${status}`,
        fix: closedAt <= today && context.site.config.kind !== 'portal' ? '网站已关停的，把 status 改为 closed；没有关停的，删除 closedAt' : '删除 closedAt（关停当天再写，同时把 status 改为 closed）',
      }),
    );
  }
  if (closedAt) found.push(...notBeforeLaunch(context, ['lifecycle', 'closedAt'], closedAt, '关停日期'));
  return found;
}

function hostOf(raw: string): string {
  return raw.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#:]/)[0]!.toLowerCase();
}

function checkPreviousDomains(context: SiteRuleContext): Diagnostic[] {
  const { site, platform } = context;
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  (site.config.lifecycle.previousDomains ?? []).forEach((previous, index) => {
    const path = ['lifecycle', 'previousDomains', index, 'domain'];
    const { domain } = previous;
    const host = hostOf(domain);
    if (host !== domain || !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host)) {
      found.push(
        report(context, RULE, path, {
          message: `原域名“${domain}”不是单纯的域名：只写域名，不要写 http://、路径、空格或汉字`,
          fix: /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(host) ? `改为 domain: ${host}` : '写原来使用的英文域名，例如 domain: sjj.ceshi.gov.cn',
        }),
      );
      return;
    }
    if (host === hostOf(site.config.domain)) {
      found.push(
        report(context, RULE, path, {
          message: `原域名“${domain}”就是本站现在的域名 domain`,
          fix: '原域名写变更之前使用的域名；域名没有变更的，删除这一项',
        }),
      );
      return;
    }
    if (seen.has(host)) {
      found.push(report(context, RULE, path, { message: `原域名“${domain}”重复写了两次`, fix: '删除重复的一项' }));
      return;
    }
    seen.add(host);
    const owner = [...platform.values()].find((other) => other.id !== site.id && hostOf(other.config.domain) === host);
    if (owner) {
      found.push(
        report(context, RULE, path, {
          message: `原域名“${domain}”现在是“${owner.id}”（${owner.config.name}）的域名：原域名公告页会与该网站冲突`,
          fix: `核对原域名；域名已交给“${owner.id}”使用的，删除这一项`,
        }),
      );
    }
    found.push(...notBeforeLaunch(context, ['lifecycle', 'previousDomains', index, 'until'], previous.until, '域名变更日期'));
  });
  return found;
}

export const site09Lifecycle: SiteRule = (context) => {
  const now = context.now ?? currentChinaDateTime();
  return [
    ...checkPortal(context),
    ...checkLaunch(context, now.slice(0, 10)),
    ...checkOffline(context, now),
    ...checkMigration(context, now),
    ...checkClosure(context, now),
    ...checkPreviousDomains(context),
  ];
};

/** A temporarily offline or closed site publishes only its notice. */
export function publishesNoticeOnly(config: SiteConfig): boolean {
  return config.lifecycle.status === 'temporarily-offline' || config.lifecycle.status === 'closed';
}
