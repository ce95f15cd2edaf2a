// SITE-04: 指引 三（一）4, 晋 第六条（五）（六）, 陕 第十条. The English domain ends in .gov.cn
// (no other English suffix); a portal uses www.<x>.gov.cn; a department site uses
// <y>.<x>.gov.cn under its own government's portal, which is how visitors can tell a real
// department site from a fake one. A site registers one English and one Chinese domain
// (陕 第十条); the Chinese one is “<机构全称或规范简称>.政务” (行政机关) or “.公益” (事业单位,
// 陕 第五条). The templates print `domain` as a host (SiteDomain label, links), so a scheme or a
// path written into it would break pages, not only the rule.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { isServerName } from '../../security/server-values.ts';
import type { PlatformSite, SiteRule, SiteRuleContext } from './index.ts';
import { hasLatin, portalDomainStem, report } from './support.ts';

const RULE = 'SITE-04';

const SEPARATORS = /[\s,，、;；]+/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** The host an editor meant: scheme, path, port and trailing dot removed. */
function hostOf(raw: string): string {
  return raw
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .split(/[/?#]/)[0]!
    .replace(/:\d*$/, '')
    .replace(/\.$/, '');
}

/** The <x> of the parent portal, when the parent is a portal with a well-formed domain. */
function parentStem(context: SiteRuleContext): { parent: PlatformSite; stem: string } | undefined {
  const { site, platform } = context;
  const parent = site.config.parent ? platform.get(site.config.parent) : undefined;
  if (!parent || parent.config.kind !== 'portal') return undefined;
  const stem = portalDomainStem(hostOf(parent.config.domain).toLowerCase());
  return stem ? { parent, stem } : undefined;
}

/** What the domain should look like, keeping whatever of the editor's own labels still fits. */
function expectedDomain(context: SiteRuleContext, host: string): string {
  const labels = host
    .toLowerCase()
    .split('.')
    .filter((l) => LABEL.test(l) && !['www', 'gov', 'cn', 'com', 'net', 'org'].includes(l));
  if (context.site.config.kind === 'portal') return `www.${labels[0] ?? '<本地名称拼音>'}.gov.cn`;
  const under = parentStem(context);
  const stem = under?.stem ?? '<本级政府门户域名的 □□□>';
  const own = labels.find((l) => l !== under?.stem) ?? '<部门名称拼音或英文>';
  return `${own}.${stem}.gov.cn`;
}

function checkEnglishDomain(context: SiteRuleContext): Diagnostic[] {
  const { config } = context.site;
  const raw = config.domain.trim();
  const at = (message: string, fix: string) => [report(context, RULE, ['domain'], { message, fix })];

  const parts = raw.split(SEPARATORS).filter(Boolean);
  if (parts.length > 1) {
    return at(
      `英文域名只能填一个，写了 ${parts.length} 个：“${raw}”`,
      `只保留主域名，例如 domain: ${hostOf(parts[0]!).toLowerCase()}；一个网站原则上只注册一个英文域名，其余域名应注销（陕 第十条）`,
    );
  }
  const host = hostOf(raw);
  if (host !== raw) {
    return at(
      `英文域名“${raw}”不是单纯的域名：不要写 http:// 或 https://、端口和路径`,
      `改为 domain: ${host.toLowerCase()}`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) {
    return at(
      `英文域名“${host}”含有汉字或全角字符`,
      hasLatin(host) ? `英文域名只用小写字母、数字、- 和 .，例如 domain: ${expectedDomain(context, host)}；中文域名写在 chineseDomain` : `中文域名写在 chineseDomain: ${host}；domain 写英文域名，例如 domain: ${expectedDomain(context, host)}`,
    );
  }
  if (host !== host.toLowerCase()) {
    return at(`英文域名“${host}”含有大写字母`, `改为小写：domain: ${host.toLowerCase()}`);
  }
  const labels = host.split('.');
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad !== undefined) {
    return at(
      `英文域名“${host}”中的“${bad}”不合规：每一段只能用小写字母、数字和 -（不在首尾），段与段之间用一个点`,
      `改为 domain: ${expectedDomain(context, host)}`,
    );
  }
  if (!host.endsWith('.gov.cn')) {
    return at(
      `英文域名“${host}”不是以 .gov.cn 结尾：政府网站不得使用其他后缀的英文域名（指引 三（一）4）`,
      `改为 domain: ${expectedDomain(context, host)}`,
    );
  }

  if (config.kind === 'portal') {
    if (portalDomainStem(host)) return [];
    return at(
      `门户网站的英文域名“${host}”不是“www.□□□.gov.cn”结构（□□□为本地名称全拼或其英文，晋 第六条（六））`,
      `改为 domain: ${expectedDomain(context, host)}`,
    );
  }

  // A department site: <y>.<x>.gov.cn under its parent portal's www.<x>.gov.cn.
  const m = /^([a-z0-9-]+)\.([a-z0-9-]+)\.gov\.cn$/.exec(host);
  const under = parentStem(context);
  if (!m || m[1] === 'www') {
    return at(
      `部门网站的英文域名“${host}”不是“○○○.□□□.gov.cn”结构：部门网站使用本级政府门户网站的下级域名（○○○为本部门名称拼音或英文）`,
      `改为 domain: ${expectedDomain(context, host)}`,
    );
  }
  if (under && m[2] !== under.stem) {
    return at(
      `部门网站的英文域名“${host}”不在上级门户网站 ${under.parent.id}（${under.parent.config.domain}）的域名之下`,
      `改为 domain: ${m[1]}.${under.stem}.gov.cn`,
    );
  }
  return [];
}

function checkChineseDomain(context: SiteRuleContext): Diagnostic[] {
  const { config } = context.site;
  if (config.chineseDomain === undefined) return [];
  const raw = config.chineseDomain.trim();
  const at = (message: string, fix: string) => [report(context, RULE, ['chineseDomain'], { message, fix })];
  const parts = raw.split(SEPARATORS).filter(Boolean);
  if (parts.length > 1) {
    return at(`中文域名只能填一个，写了 ${parts.length} 个：“${raw}”`, `只保留一个，例如 chineseDomain: ${parts[0]}（陕 第十条）`);
  }
  const host = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0]!;
  const fixed = host.replace(/[。．·]/g, '.');
  const m = /^(.+)\.(政务|公益)$/.exec(fixed);
  const name = config.name;
  if (!m) {
    const stem = fixed.replace(/\.[^.]*$/, '');
    return at(
      `中文域名“${raw}”不是“□□□.政务”（行政机关）或“□□□.公益”（事业单位）结构，□□□为机构全称或规范简称`,
      `改为 chineseDomain: ${stem && !hasLatin(stem) && stem !== fixed ? stem : name}.政务`,
    );
  }
  if (host !== raw || fixed !== host) {
    return at(`中文域名“${raw}”写法不对：不要写 http:// 和路径，点用半角“.”`, `改为 chineseDomain: ${fixed}`);
  }
  if (hasLatin(m[1]!) || m[1]!.includes('.')) {
    return at(`中文域名“${raw}”的名称部分“${m[1]}”应为机构的中文全称或规范简称`, `改为 chineseDomain: ${name}.${m[2]}`);
  }
  // nginx matches the punycode form (src/publish/nginx-config.ts): a name IDNA cannot convert has none.
  if (!isServerName(raw)) {
    return at(`中文域名“${raw}”不能转换为服务器使用的国际化域名（punycode）：名称中有域名不能使用的符号`, `去掉名称中的符号，例如 chineseDomain: ${name}.${m[2]}`);
  }
  if (config.kind === 'portal' && m[2] === '公益') {
    return at(`政府门户网站的中文域名“${raw}”用了“.公益”：人民政府是行政机关，用“.政务”`, `改为 chineseDomain: ${m[1]}.政务`);
  }
  return [];
}

/** Two sites of the platform cannot answer at the same address. */
function checkTaken(context: SiteRuleContext): Diagnostic[] {
  const { site, platform } = context;
  const found: Diagnostic[] = [];
  const fields = [
    ['domain', (s: PlatformSite) => hostOf(s.config.domain).toLowerCase()],
    ['chineseDomain', (s: PlatformSite) => (s.config.chineseDomain ? s.config.chineseDomain.trim() : undefined)],
  ] as const;
  for (const [field, valueOf] of fields) {
    const mine = valueOf(site);
    if (!mine) continue;
    const clash = [...platform.values()].filter((o) => o.id !== site.id && valueOf(o) === mine).map((o) => o.file);
    if (clash.length === 0) continue;
    found.push(
      report(context, RULE, [field], {
        message: `${field === 'domain' ? '英文' : '中文'}域名“${mine}”已被 ${clash.join('、')} 使用：平台上每个网站有自己的域名`,
        fix:
          field === 'domain'
            ? `改为本站自己的域名：${site.config.kind === 'portal' ? 'www.<本地名称拼音>.gov.cn' : `<本部门名称拼音>.${parentStem(context)?.stem ?? '<本级门户域名的 □□□>'}.gov.cn`}`
            : `改为本站机构名称的中文域名，例如 chineseDomain: ${site.config.name}.政务`,
      }),
    );
  }
  return found;
}

export const site04Domains: SiteRule = (context) => {
  const english = checkEnglishDomain(context);
  const chinese = checkChineseDomain(context);
  // Clashes are only worth saying about well-formed domains.
  const taken = checkTaken(context).filter((d) => (d.field === 'domain' ? english.length === 0 : chinese.length === 0));
  return [...english, ...chinese, ...taken];
};
