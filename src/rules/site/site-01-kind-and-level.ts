// SITE-01: which sites may exist and where they hang in the platform's tree.
// 晋 第六条（一）（二）: governments at province, city and county level open portals, province and
// city departments may open department sites; county departments and townships/streets open
// none (they publish through the county portal) unless the province approves an exception.
// The `parent` link matters beyond this rule: launch and closure notices (SITE-09) go on the
// parent portal, and a department's domain hangs under its parent portal's (SITE-04).
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { closestName } from '../../util/closest-name.ts';
import type { PlatformSite, SiteRule, SiteRuleContext } from './index.ts';
import { describeSite, LEVEL_LABEL, LEVEL_RANK, report } from './support.ts';

const RULE = 'SITE-01';

const APPROVAL_SNIPPET = 'approval:\n  document: 示政办函〔2026〕1号\n  date: 2026-01-15';

/** The chain of parents from this site, when it leads back to it; undefined when it ends. */
function cycleThrough(context: SiteRuleContext): string[] | undefined {
  const { site, platform } = context;
  const chain = [site.id];
  let current: PlatformSite | undefined = site;
  const seen = new Set(chain);
  while (current?.config.parent) {
    const next = current.config.parent;
    chain.push(next);
    if (next === site.id) return chain;
    // A loop further up that does not come back here is the other sites' to report.
    if (seen.has(next)) return undefined;
    seen.add(next);
    current = platform.get(next);
  }
  return undefined;
}

function portals(context: SiteRuleContext, keep: (p: PlatformSite) => boolean): PlatformSite[] {
  return [...context.platform.values()]
    .filter((p) => p.id !== context.site.id && p.config.kind === 'portal' && keep(p))
    .sort((a, b) => LEVEL_RANK[a.config.level] - LEVEL_RANK[b.config.level] || a.id.localeCompare(b.id));
}

/** “添加一行 parent: alpha（测试市人民政府）” or the candidates to choose from. */
function suggestParent(candidates: PlatformSite[], verb: string): string {
  if (candidates.length === 1) return `${verb} parent: ${candidates[0]!.id}（${candidates[0]!.config.name}）`;
  return `${verb} parent: <站点标识>，从这些门户网站中选：${candidates.map((p) => `${p.id}（${p.config.name}）`).join('、')}`;
}

function checkLevel(context: SiteRuleContext): Diagnostic[] {
  const { config } = context.site;
  if (config.kind === 'department' && config.level === 'township') {
    return [
      report(context, RULE, ['level'], {
        message: '乡镇、街道没有部门网站：层级 township（乡镇/街道）的网站只能是乡镇/街道政府门户网站',
        fix: '乡镇政府、街道办事处经批准开设的网站写 kind: portal；乡镇/街道内设机构的信息通过所在县级政府门户网站发布',
      }),
    ];
  }
  const needsApproval = config.level === 'township' || (config.kind === 'department' && config.level === 'county');
  if (!needsApproval || config.approval) return [];
  const who = config.level === 'township' ? '乡镇政府、街道办事处' : '县级政府部门';
  return [
    report(context, RULE, ['approval'], {
      at: ['level'],
      message: `${who}原则上不开设政府网站（晋 第六条（二）），应通过县级政府门户网站开展政务公开、提供政务服务；本站没有开设审批记录（approval）`,
      fix: `不开设本网站，把信息发布到县级政府门户网站的栏目中；确经省政府办公厅批准开设的，添加批准文件和日期：\n${APPROVAL_SNIPPET}`,
    }),
  ];
}

/** A site without parent: a department always needs one, a portal when a higher portal is on the platform. */
function checkMissingParent(context: SiteRuleContext): Diagnostic[] {
  const { config } = context.site;
  const levelLabel = LEVEL_LABEL[config.level];
  if (config.kind === 'department') {
    const candidates = portals(context, (p) => p.config.level === config.level);
    return [
      report(context, RULE, ['parent'], {
        at: ['kind'],
        message: `部门网站须写明上级网站 parent（本级政府门户网站），本站没有写`,
        fix: candidates.length
          ? suggestParent(candidates, '添加一行')
          : '添加一行 parent: <本级政府门户网站的站点标识>（该门户网站须先在 sites/ 下建立）',
      }),
    ];
  }
  if (config.level === 'province') return [];
  // content-model: a city/county portal names its superior portal when that portal is on the platform.
  const higher = portals(context, (p) => LEVEL_RANK[p.config.level] > LEVEL_RANK[config.level]);
  if (higher.length === 0) return [];
  return [
    report(context, RULE, ['parent'], {
      at: ['kind'],
      message: `${levelLabel}政府门户网站须用 parent 写明上级政府门户网站（开通、迁移、关停公告发在上级门户网站上），本站没有写`,
      fix: suggestParent(higher, '添加一行'),
    }),
  ];
}

/** A parent that is no valid site of the platform: broken for now (a warning) or unknown (an error). */
function checkUnknownParent(context: SiteRuleContext, parentId: string): Diagnostic[] {
  const { site, platform } = context;
  const { config } = site;
  // The platform holds only sites whose site.yaml is valid. A site that exists but is broken
  // right now reports its own errors and must not take the sites under it down with it (a site
  // fails alone, PUB-03): that warns. An id the platform does not have at all is an error.
  const candidates = portals(context, (p) =>
    config.kind === 'department' ? p.config.level === config.level : LEVEL_RANK[p.config.level] > LEVEL_RANK[config.level],
  );
  const suggestion = candidates.length ? suggestParent(candidates, '改为') : '改为平台上已有门户网站的站点标识（sites/ 下的目录名）';
  if (!context.knownSiteIds?.has(parentId)) {
    const guess = closestName(parentId, [...platform.keys()].filter((id) => id !== site.id));
    return [
      report(context, RULE, ['parent'], {
        message: `上级网站“${parentId}”不在本平台上：没有 sites/${parentId}/site.yaml`,
        fix: guess ? `改为 parent: ${guess}（${platform.get(guess)!.config.name}）` : suggestion,
      }),
    ];
  }
  return [
    report(context, RULE, ['parent'], {
      severity: 'warn',
      message: `上级网站“${parentId}”的 sites/${parentId}/site.yaml 有错误未通过校验；在它改正之前，本站的上级网站和域名无法核对`,
      fix: `先改正 sites/${parentId}/site.yaml 的错误（见该文件的错误提示）`,
    }),
  ];
}

/** A department's parent is the portal of its own level. */
function checkDepartmentParent(context: SiteRuleContext, parent: PlatformSite): Diagnostic[] {
  const { platform } = context;
  const { config } = context.site;
  const levelLabel = LEVEL_LABEL[config.level];
  const parentIs = describeSite(parent);
  if (parent.config.kind !== 'portal') {
    const grand = parent.config.parent ? platform.get(parent.config.parent) : undefined;
    return [
      report(context, RULE, ['parent'], {
        message: `部门网站的上级网站须是本级政府门户网站，${parentIs}是部门网站`,
        fix:
          grand?.config.kind === 'portal'
            ? `改为 parent: ${grand.id}（${grand.config.name}）`
            : '改为本级政府门户网站的站点标识',
      }),
    ];
  }
  if (parent.config.level !== config.level) {
    const sameLevel = portals(context, (p) => p.config.level === config.level);
    return [
      report(context, RULE, ['parent'], {
        message: `部门网站的上级网站须是本级政府门户网站：本站是${levelLabel}部门网站，${parentIs}不是${levelLabel}`,
        fix: sameLevel.length
          ? `${suggestParent(sameLevel, '改为')}；如果本部门确属${LEVEL_LABEL[parent.config.level]}，把 level 改为 ${parent.config.level}`
          : `如果本部门确属${LEVEL_LABEL[parent.config.level]}，把 level 改为 ${parent.config.level}；否则改为本级政府门户网站的站点标识`,
      }),
    ];
  }
  return [];
}

/** A city or county portal's parent is a portal of a higher level; a provincial portal has none. */
function checkPortalParent(context: SiteRuleContext, parentId: string, parent: PlatformSite): Diagnostic[] {
  const { config } = context.site;
  const levelLabel = LEVEL_LABEL[config.level];
  const parentIs = describeSite(parent);
  if (config.level === 'province') {
    return [
      report(context, RULE, ['parent'], {
        message: `省级政府门户网站没有上级网站，parent 却写了“${parentId}”`,
        fix: '删除 parent 这一行',
      }),
    ];
  }
  if (parent.config.kind !== 'portal' || LEVEL_RANK[parent.config.level] <= LEVEL_RANK[config.level]) {
    const higher = portals(context, (p) => LEVEL_RANK[p.config.level] > LEVEL_RANK[config.level]);
    return [
      report(context, RULE, ['parent'], {
        message: `${levelLabel}政府门户网站的上级网站须是更高一级的政府门户网站，${parentIs}不是`,
        fix: higher.length ? suggestParent(higher, '改为') : '删除 parent 这一行（平台上没有更高一级的政府门户网站）',
      }),
    ];
  }
  return [];
}

function checkParent(context: SiteRuleContext): Diagnostic[] {
  const { site, platform } = context;
  const { config } = site;
  const parentId = config.parent;
  if (parentId === undefined) return checkMissingParent(context);

  if (parentId === site.id) {
    return [
      report(context, RULE, ['parent'], {
        message: `上级网站 parent 写的是本网站自己“${parentId}”`,
        fix:
          config.kind === 'department'
            ? '改为本级政府门户网站的站点标识（sites/ 下的目录名）'
            : config.level === 'province'
              ? '删除 parent 这一行：省级政府门户网站没有上级网站'
              : '改为上级政府门户网站的站点标识（sites/ 下的目录名）',
      }),
    ];
  }

  const parent = platform.get(parentId);
  if (!parent) return checkUnknownParent(context, parentId);

  const cycle = cycleThrough(context);
  if (cycle) {
    return [
      report(context, RULE, ['parent'], {
        message: `上级网站形成循环：${cycle.join(' → ')}，找不到最上级的门户网站`,
        fix: `检查这些网站的 parent：部门网站指向本级政府门户网站，门户网站指向更高一级的政府门户网站，省级政府门户网站不写 parent`,
      }),
    ];
  }

  return config.kind === 'department' ? checkDepartmentParent(context, parent) : checkPortalParent(context, parentId, parent);
}

export const site01KindAndLevel: SiteRule = (context) => [...checkLevel(context), ...checkParent(context)];
