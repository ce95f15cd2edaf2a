// SITE-03: 指引 三（一）3 and 晋 第六条（四）: a portal or department site is named after its
// region's or department's organization (机构名称), in full, and the header shows that full
// name. So a portal is “<地区全称>人民政府” (a street office's is “<街道>街道办事处”), a department
// site carries its department's full name, and neither gets a 网站/门户/政务网 tail, an
// abbreviation or English: the name is what the public checks a site's authenticity against
// (指引 七 counts copying names among the marks of fake government sites).
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SiteRule, SiteRuleContext } from './index.ts';
import { hasLatin, LEVEL_LABEL, normalizeName, organizationOf, regionOf, report, type Level } from './support.ts';

const RULE = 'SITE-03';

/** Tails that make a website name out of an organization name; longest first. */
const WEBSITE_SUFFIX = /(?:门户网站|政务网站|官方网站|门户网|政务网|信息网|网站|门户|官网|在线|平台|网)$/;

/** How the full name of a region at each level ends (自治区/自治州/自治县/自治旗 included). */
const REGION_ENDINGS: Record<Level, RegExp> = {
  province: /(?:省|自治区|市)$/,
  city: /(?:市|州|盟|地区)$/,
  county: /(?:县|区|市|旗|特区|林区)$/,
  township: /(?:乡|镇|街道|苏木)$/,
};

const REGION_EXAMPLE: Record<Level, string> = {
  province: '××省、××自治区或××市（直辖市）',
  city: '××市、××州、××盟或××地区',
  county: '××县、××区、××市、××旗',
  township: '××乡、××镇或××街道',
};

/** The level a region's full name most likely belongs to: 市 is most often a city, 区 a county. */
function levelOfRegion(region: string): Level | undefined {
  if (/(?:省|自治区)$/.test(region)) return 'province';
  if (/(?:市|州|盟|地区)$/.test(region)) return 'city';
  if (/(?:县|区|旗)$/.test(region)) return 'county';
  if (/(?:乡|镇|街道|苏木)$/.test(region)) return 'township';
  return undefined;
}

const UNIT_CHAR: Record<Level, string> = { province: '省', city: '市', county: '县', township: '镇' };

/** “测试市政府” → “测试市人民政府”, “测试市” → “测试市人民政府”; undefined when there is nothing to go on. */
function portalGuess(name: string, level: Level, organizer: string): string | undefined {
  if (regionOf(name)) return name;
  if (/政府$/.test(name)) return name.replace(/政府$/, '人民政府');
  if (REGION_ENDINGS[level].test(name)) return `${name}人民政府`;
  const organization = organizationOf(organizer);
  return regionOf(organization) ? organization : undefined;
}

function portalName(context: SiteRuleContext, name: string): Diagnostic[] {
  const { config } = context.site;
  const level = config.level;
  const organization = organizationOf(config.organizer);
  const region = regionOf(name);
  if (!region) {
    const guess = portalGuess(name, level, config.organizer);
    return [
      report(context, RULE, ['name'], {
        message: `门户网站名称“${name}”不是本级政府的全称：门户网站以本地区机构名称命名，写成“<地区全称>人民政府”${level === 'township' ? '（街道写“<街道名称>街道办事处”）' : ''}`,
        fix: guess ? `改为 name: ${guess}` : `改为 name: <地区全称>人民政府，例如 name: 示例省人民政府`,
      }),
    ];
  }
  if (!REGION_ENDINGS[level].test(region) || (name.endsWith('街道办事处') && level !== 'township')) {
    const fitting = levelOfRegion(region);
    const fix = fitting && fitting !== level
      ? `如果本站是“${region}”的门户网站，把层级改为 level: ${fitting}；否则写本${LEVEL_LABEL[level]}地区的全称，名称如“${REGION_EXAMPLE[level].split('、')[0]}人民政府”`
      : `写地区全称，例如 name: ${region}${UNIT_CHAR[level]}人民政府`;
    return [
      report(context, RULE, ['name'], {
        message: `门户网站名称“${name}”中的地区“${region}”不是${LEVEL_LABEL[level]}地区的全称（应为${REGION_EXAMPLE[level]}）`,
        fix,
      }),
    ];
  }
  // The organizer is this government or its office (陕 第六条), so its name starts with the site's.
  if (!normalizeName(config.organizer).startsWith(name)) {
    return [
      report(context, RULE, ['name'], {
        message: `门户网站名称“${name}”与主办单位“${config.organizer}”不是同一个政府：门户网站由本级政府办公厅（室）主办，并以本级政府命名`,
        fix: regionOf(organization)
          ? `网站名称改为 name: ${organization}；或者把主办单位改为 organizer: ${name}办公厅（或 ${name}办公室）`
          : `把主办单位改为 organizer: ${name}办公厅（或 ${name}办公室）；承担技术运维的单位写在 operator（承办单位）`,
      }),
    ];
  }
  return [];
}

function departmentName(context: SiteRuleContext, name: string): Diagnostic[] {
  const { site, platform } = context;
  const organization = organizationOf(site.config.organizer);
  const found: Diagnostic[] = [];
  if (!name.includes(organization)) {
    found.push(
      report(context, RULE, ['name'], {
        message: `部门网站名称“${name}”没有使用主办单位“${site.config.organizer}”的机构名称${organization !== site.config.organizer ? `“${organization}”` : ''}：部门网站以本部门机构名称命名`,
        fix: `改为 name: ${organization}；如果主办单位写错了，改正 organizer`,
      }),
    );
    return found;
  }
  // “省教育厅” for “示例省教育厅”: the department's name must carry its region's full name, taken
  // from the parent portal (SITE-01 reports a missing or wrong parent).
  const parent = site.config.parent ? platform.get(site.config.parent) : undefined;
  const region = parent?.config.kind === 'portal' ? regionOf(parent.config.name) : undefined;
  if (region && !name.includes(region)) {
    const unit = region.at(-1)!;
    const guess = name.startsWith(unit) ? `${region}${name.slice(1)}` : `${region}${name}`;
    found.push(
      report(context, RULE, ['name'], {
        message: `部门网站名称“${name}”是简称：没有冠以所属地区的全称“${region}”（上级门户网站 ${parent!.id} 是“${parent!.config.name}”）`,
        fix: `写部门全称，例如 name: ${guess}（主办单位 organizer 也写全称）`,
      }),
    );
  }
  return found;
}

export const site03SiteName: SiteRule = (context) => {
  const raw = context.site.config.name;
  const name = normalizeName(raw);
  if (hasLatin(name)) {
    const chinese = name.replace(/[A-Za-z][A-Za-z .&'-]*/g, '').trim();
    return [
      report(context, RULE, ['name'], {
        message: `网站名称“${raw}”含有英文：网站以中文机构全称命名（外文版另设语言版本 languages）`,
        fix: chinese.length >= 2 ? `删去英文，例如 name: ${chinese}` : '改为中文机构全称，例如 name: 示例省人民政府',
      }),
    ];
  }
  const suffix = WEBSITE_SUFFIX.exec(name);
  if (suffix) {
    const bare = name.slice(0, -suffix[0].length);
    const { kind, level, organizer } = context.site.config;
    const guess = kind === 'portal' ? portalGuess(bare, level, organizer) : bare.length >= 2 ? bare : undefined;
    return [
      report(context, RULE, ['name'], {
        message: `网站名称“${raw}”带有“${suffix[0]}”：网站以机构名称命名，不加“网、网站、门户、政务网”等字样`,
        fix: guess ? `改为 name: ${guess}` : '改为机构全称',
      }),
    ];
  }
  return context.site.config.kind === 'portal' ? portalName(context, name) : departmentName(context, name);
};
