// HEALTH-01…04, 06, 07: the national inspection indicators (政府网站检查指标) that can be computed
// from content, against a given time (--now). Findings point at the column in site.yaml.
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ContentItem } from '../../content/items.ts';
import type { FieldLocator } from '../../config/validate-yaml.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';
import { chinaDateTimeToEpoch } from '../../util/china-time.ts';
import { homeColumns, shownOnHomePage } from '../../schema/home-page.ts';
import { columnKind, freshnessPeriod, KIND_LABEL, loosenedPeriod, ownPeriodApplies } from './freshness-periods.ts';

export interface HealthContext {
  siteId: string;
  config: SiteConfig;
  /** Published items, copies by reference included. */
  items: readonly ContentItem[];
  file: string;
  locate: FieldLocator;
  /** `YYYY-MM-DD HH:MM`, China time. */
  now: string;
}

const DAY = 86_400_000;
const HOME_PERIOD_DAYS = 14;
const STALE_KEY_COLUMNS_VETO = 5;
const STALE_DECLARED_VETO = 10;
const EMPTY_COLUMNS_VETO = 5;
const INTERACTION_TYPES = ['咨询投诉', '征集调查', '在线访谈'];

function ageInDays(now: string, pubDate: string): number {
  return Math.floor((chinaDateTimeToEpoch(now) - chinaDateTimeToEpoch(pubDate)) / DAY);
}

/** HEALTH-02: a column cannot loosen its kind's national period; the check keeps the national one. */
function loosenedFinding(context: HealthContext, name: string, index: number, { declared, national }: { declared: number; national: number }): Diagnostic {
  const kind = KIND_LABEL[columnKind(context.config.columns[index]!)];
  return diagnostic({
    ruleId: 'HEALTH-02',
    severity: 'warn',
    file: context.file,
    ...context.locate(['columns', index, 'freshnessDays']),
    field: `columns[${index}].freshnessDays`,
    message: `栏目“${name}”声明的更新周期 freshnessDays: ${declared} 比${kind}栏目的检查指标 ${national} 天更长：栏目只能缩短更新周期，不能放宽，检查仍按 ${national} 天进行`,
    fix: `删除 freshnessDays 这一行（按 ${national} 天检查），或改为不超过 ${national} 的天数`,
  });
}

export function checkHealth(context: HealthContext): Diagnostic[] {
  const { config, items, file, locate, now } = context;
  const found: Diagnostic[] = [];
  // Items of the future (scheduled) are not "new" yet.
  const visible = items.filter((item) => item.data.pubDate <= now);
  const columnItems = (columnId: string) => {
    const ids = new Set([columnId, ...config.columns.filter((c) => c.parent === columnId).map((c) => c.id)]);
    return visible.filter((item) => ids.has(item.columnId));
  };
  const newest = (list: readonly ContentItem[]) => list.reduce<string | undefined>((max, i) => (max === undefined || i.data.pubDate > max ? i.data.pubDate : max), undefined);

  // HEALTH-01: the home page is updated by what it shows (src/schema/home-page.ts), not by a
  // column it has no section for.
  const latest = newest(visible.filter((i) => !i.data.archived && shownOnHomePage(config, i.columnId, i.data.important)));
  if (latest === undefined || ageInDays(now, latest) >= HOME_PERIOD_DAYS) {
    found.push(
      diagnostic({
        ruleId: 'HEALTH-01',
        file,
        ...locate(['name']),
        message: latest ? `首页 ${ageInDays(now, latest)} 天没有更新（最新内容发布于 ${latest}），超过 ${HOME_PERIOD_DAYS} 天` : '网站没有任何已发布的内容',
        fix: `在首页展示的栏目（${homeColumns(config).map((c) => c.name).join('、') || '本站没有首页栏目'}）发布新内容，或把重要内容标为 important；检查时间为 ${now}`,
      }),
    );
  }

  let staleKeyColumns = 0;
  let staleDeclared = 0;
  let empty = 0;
  const staleFindings: Diagnostic[] = [];
  config.columns.forEach((column, index) => {
    const list = columnItems(column.id);
    const where = { file, ...locate(['columns', index]), field: `columns[${index}]` };
    const loosened = loosenedPeriod(column);
    if (loosened) found.push(loosenedFinding(context, column.name, index, loosened));
    if (list.length === 0) {
      empty++;
      found.push(diagnostic({ ruleId: 'HEALTH-04', severity: 'warn', ...where, message: `栏目“${column.name}”（${column.id}）没有任何内容（空白栏目）`, fix: `在 content/${context.siteId}/${column.id}/ 发布内容，或删除这个栏目` }));
      return;
    }
    const period = freshnessPeriod(column);
    if (period === undefined) return;
    const last = newest(list)!;
    const age = ageInDays(now, last);
    if (age < period) return;
    const kind = columnKind(column);
    const declared = ownPeriodApplies(column);
    const isKey = kind === 'news' || kind === 'notice' || kind === 'policy';
    if (isKey) staleKeyColumns++;
    if (declared) staleDeclared++;
    staleFindings.push(
      diagnostic({
        ruleId: declared ? 'HEALTH-03' : 'HEALTH-02',
        severity: 'warn',
        ...where,
        message: `栏目“${column.name}”${age} 天没有更新（最新内容发布于 ${last}），超过${declared ? '本栏目声明的' : `${KIND_LABEL[kind]}栏目的`} ${period} 天更新周期`,
        fix: `在 content/${context.siteId}/${column.id}/ 发布新内容`,
      }),
    );
  });
  found.push(...staleFindings);

  if (staleKeyColumns >= STALE_KEY_COLUMNS_VETO) {
    found.push(diagnostic({ ruleId: 'HEALTH-02', file, ...locate(['columns']), message: `${staleKeyColumns} 个动态要闻、通知公告、政策文件类栏目更新不及时（达到 ${STALE_KEY_COLUMNS_VETO} 个即单项否决）`, fix: '逐一更新上面列出的栏目' }));
  }
  if (staleDeclared >= STALE_DECLARED_VETO) {
    found.push(diagnostic({ ruleId: 'HEALTH-03', file, ...locate(['columns']), message: `${staleDeclared} 个栏目未按自己声明的周期更新（达到 ${STALE_DECLARED_VETO} 个即单项否决）`, fix: '逐一更新上面列出的栏目，或如实调整其 freshnessDays' }));
  }
  if (empty >= EMPTY_COLUMNS_VETO) {
    found.push(diagnostic({ ruleId: 'HEALTH-04', file, ...locate(['columns']), message: `${empty} 个空白栏目（达到 ${EMPTY_COLUMNS_VETO} 个即单项否决）`, fix: '为空白栏目发布内容，或删除不再使用的栏目' }));
  }

  // HEALTH-06: an entry to interaction (咨询、建言) that readers can reach.
  if (!config.columns.some((c) => INTERACTION_TYPES.includes(c.type) && columnItems(c.id).length > 0)) {
    found.push(diagnostic({ ruleId: 'HEALTH-06', file, ...locate(['columns']), message: '没有可用的互动交流入口（咨询投诉、征集调查或在线访谈栏目及其内容）', fix: '添加 type 为“咨询投诉”的栏目，并发布说明留言、咨询渠道的内容' }));
  }
  // HEALTH-07: a portal offers 办事服务.
  if (config.kind === 'portal' && !config.columns.some((c) => c.type === '办事服务' && columnItems(c.id).length > 0)) {
    found.push(diagnostic({ ruleId: 'HEALTH-07', file, ...locate(['columns']), message: '政府门户网站没有办事服务栏目或其内容', fix: '添加 type 为“办事服务”的栏目，并发布办事指南或一体化政务服务平台入口' }));
  }
  return found;
}
