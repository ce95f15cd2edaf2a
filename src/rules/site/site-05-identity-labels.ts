// SITE-05: the identity labels of the footer (指引 三（一）2, 晋 第七条, 陕 第七条（三）). The
// schema makes them present; here their form is checked, because a malformed number is as
// useless to a visitor checking a site's authenticity as a missing one, and the footer links
// (ICP → the MIIT record site, 公网安备 → the public-security record site) are built from them.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SiteRule, SiteRuleContext } from './index.ts';
import { hasHan, hasLatin, report } from './support.ts';

const RULE = 'SITE-05';

/** Full-width digits, letters and dashes, and stray spaces, as they come out of office documents. */
function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[—–－‐]/g, '-')
    .replace(/\s+/g, '');
}

// The province abbreviation is one Han character (京, 晋, 陕 … and 示 of the demo province).
const ICP = /^\p{Script=Han}ICP备\d+号(?:-\d+)?$/u;
const PUBLIC_SECURITY = /^\p{Script=Han}公网安备\d{14}号$/u;
const SITE_CODE = /^(?:\d{10}|bm\d{8})$/;
// Landline with area code (and extension), mobile, 5-digit service hotlines (12345), 400/800.
const PHONE = /^(?:0\d{2,3}-\d{7,8}(?:(?:-|转)\d{1,6})?|1[3-9]\d{9}|\d{5}|[48]00-?\d{3}-?\d{4})$/;

function provinceAbbreviation(context: SiteRuleContext): string {
  const { icp, publicSecurityRecord } = context.site.config;
  const first = [icp, publicSecurityRecord].map((v) => v.trim()[0]).find((c) => c !== undefined && /\p{Script=Han}/u.test(c));
  return first ?? '京';
}

function checkSiteCode(context: SiteRuleContext): Diagnostic[] {
  const value = context.site.config.siteCode;
  if (SITE_CODE.test(value)) return [];
  const normal = halfWidth(value).toLowerCase();
  return [
    report(context, RULE, ['siteCode'], {
      message: `网站标识码“${value}”格式不对：应为 10 位：10 位数字，或 bm 加 8 位数字`,
      fix: SITE_CODE.test(normal)
        ? `改为 siteCode: "${normal}"`
        : '照“全国政府网站信息报送系统”中的网站标识码填写，例如 siteCode: "5900000001" 或 siteCode: "bm59000001"（加引号）',
    }),
  ];
}

function checkIcp(context: SiteRuleContext): Diagnostic[] {
  const value = context.site.config.icp;
  if (ICP.test(value)) return [];
  const normal = halfWidth(value).replace(/icp/i, 'ICP');
  const abbr = provinceAbbreviation(context);
  const digits = /\d{5,}/.exec(normal)?.[0];
  const example = `${abbr}ICP备${digits ?? '05000001'}号-1`;
  let message = `ICP 备案编号“${value}”格式不对：应为“<省份简称>ICP备<编号>号”，网站序号可加在末尾，如“-1”`;
  if (/ICP证/.test(normal)) message += '；“ICP证”是经营许可证，政府网站填非经营性备案号“ICP备”';
  else if (/^ICP/.test(normal)) message += '；开头缺少省份简称';
  return [
    report(context, RULE, ['icp'], {
      message,
      fix: ICP.test(normal) ? `改为 icp: ${normal}` : `照工业和信息化部备案系统中的备案号填写，例如 icp: ${example}`,
    }),
  ];
}

function checkPublicSecurity(context: SiteRuleContext): Diagnostic[] {
  const value = context.site.config.publicSecurityRecord;
  if (PUBLIC_SECURITY.test(value)) return [];
  const normal = halfWidth(value).replace(/^(\p{Script=Han})公安网备/u, '$1公网安备');
  const abbr = provinceAbbreviation(context);
  const digits = /\d+/.exec(normal)?.[0];
  return [
    report(context, RULE, ['publicSecurityRecord'], {
      message: `公安机关备案号“${value}”格式不对：应为“<省份简称>公网安备<14 位数字>号”${digits && digits.length !== 14 ? `，这里的编号是 ${digits.length} 位` : ''}`,
      fix: PUBLIC_SECURITY.test(normal)
        ? `改为 publicSecurityRecord: ${normal}`
        : `照全国互联网安全管理服务平台上的备案号填写，例如 publicSecurityRecord: ${abbr}公网安备59010002000001号`,
    }),
  ];
}

function checkConacId(context: SiteRuleContext): Diagnostic[] {
  if (context.site.config.conacId.trim() !== '') return [];
  return [
    report(context, RULE, ['conacId'], {
      message: '党政机关网站标识编号 conacId 是空的：页面底部的党政机关网站标识须链接到它的核验页',
      fix: '填写机构编制部门核发的党政机关网站标识编号（加引号），例如 conacId: "bm59000001"',
    }),
  ];
}

function checkOrganizer(context: SiteRuleContext): Diagnostic[] {
  const value = context.site.config.organizer;
  if (hasHan(value) && !hasLatin(value)) return [];
  return [
    report(context, RULE, ['organizer'], {
      message: `主办单位“${value}”应为机构的中文全称`,
      fix: '写主办单位的中文全称，例如 organizer: 示例省人民政府办公厅（技术运维单位写在 operator）',
    }),
  ];
}

function checkPhone(context: SiteRuleContext): Diagnostic[] {
  const value = String(context.site.config.contact.phone).trim();
  const numbers = value.split(/[、，,；;/]+/).map((n) => n.trim()).filter(Boolean);
  const bad = numbers.find((n) => !PHONE.test(n));
  if (numbers.length > 0 && bad === undefined) return [];
  let suggestion: string | undefined;
  if (bad !== undefined) {
    const plain = halfWidth(bad.replace(/（/g, '(').replace(/）/g, ')'));
    const landline = /^\(?(0\d{2,3})\)?-?(\d{7,8})((?:-|转)\d{1,6})?$/.exec(plain);
    if (landline) suggestion = `${landline[1]}-${landline[2]}${landline[3] ?? ''}`;
    else if (PHONE.test(plain.replace(/-/g, ''))) suggestion = plain.replace(/-/g, '');
  }
  return [
    report(context, RULE, ['contact', 'phone'], {
      message:
        bad === undefined
          ? '联系电话是空的'
          : `联系电话“${bad}”格式不对：固定电话写“区号-号码”（可加“-分机”），也可写手机号或 12345 等服务热线`,
      fix: suggestion ? `改为 phone: ${value.replace(bad!, suggestion)}` : '例如 phone: 0590-12345678；多个号码用顿号“、”分隔',
    }),
  ];
}

/** 网站标识码 identifies one site nationwide: two sites of the platform cannot share one. */
function checkSiteCodeTaken(context: SiteRuleContext): Diagnostic[] {
  const { site, platform } = context;
  if (!SITE_CODE.test(site.config.siteCode)) return [];
  const clash = [...platform.values()].filter((o) => o.id !== site.id && o.config.siteCode === site.config.siteCode);
  if (clash.length === 0) return [];
  return [
    report(context, RULE, ['siteCode'], {
      message: `网站标识码“${site.config.siteCode}”已被 ${clash.map((o) => `${o.file}（${o.config.name}）`).join('、')} 使用：每个网站有自己的标识码`,
      fix: '照“全国政府网站信息报送系统”中本网站的标识码填写；两个网站不能共用一个标识码',
    }),
  ];
}

function checkPostcode(context: SiteRuleContext): Diagnostic[] {
  const postcode = context.site.config.contact.postcode;
  if (postcode === undefined || /^\d{6}$/.test(String(postcode))) return [];
  const value = String(postcode);
  return [
    report(context, RULE, ['contact', 'postcode'], {
      message: `邮政编码“${value}”不是 6 位数字${/^\d{5}$/.test(value) ? '（以 0 开头的邮编不加引号会被读成数字，丢掉开头的 0）' : ''}`,
      fix: /^\d{5}$/.test(value) ? `加引号写：postcode: "0${value}"` : '写 6 位数字并加引号，例如 postcode: "590001"',
    }),
  ];
}

export const site05IdentityLabels: SiteRule = (context) => [
  ...checkOrganizer(context),
  ...checkSiteCode(context),
  ...checkSiteCodeTaken(context),
  ...checkIcp(context),
  ...checkPublicSecurity(context),
  ...checkConacId(context),
  ...checkPhone(context),
  ...checkPostcode(context),
];
