// SITE-08: the columns every site must have (指引 网页设计规范 栏目: “政府门户网站和部门网站应设置
// 机构职能、负责人信息、政策文件、解读回应、工作动态、互动交流类栏目”; 浙 第十九、二十一条; 晋 第十、
// 十二条). Recognized by column `type` (the ColumnType label, META-04), not by name or id, because
// names vary (“领导信息”, “领导之窗”) while the type is what the inspection reads. Portals and
// departments that provide services also need 办事服务 (HEALTH-07 vetoes a portal without it);
// portals carry the 政府信息公开 columns and data releases as well.
// The column tree is checked here too: duplicate ids would make two columns one URL, and a
// parent that is missing or loops leaves the column with no place in the navigation.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ColumnConfig } from '../../schema/site-schema.ts';
import { closestName } from '../../util/closest-name.ts';
import type { SiteRule, SiteRuleContext } from './index.ts';
import { closestColumnType, isColumnType } from './meta-04-column-type.ts';
import { report } from './support.ts';

const RULE = 'SITE-08';

interface Requirement {
  /** What the requirement is called in messages. */
  label: string;
  /** Any of these column types satisfies it. */
  types: string[];
  /** The column suggested in the fix. */
  id: string;
  name: string;
  type: string;
  description: (name: string) => string;
}

const need = (label: string, types: string[], id: string, description: (name: string) => string, name = types[0]!): Requirement => ({
  label,
  types,
  id,
  name,
  type: types[0]!,
  description,
});

const EVERY_SITE: Requirement[] = [
  need('机构职能', ['机构职能'], 'organization', (n) => `${n}主要职责和内设机构`),
  need('负责人信息', ['负责人信息'], 'leaders', (n) => `${n}负责人的职务、分工和简历`, '领导信息'),
  need('政策文件', ['政策文件'], 'policies', (n) => `${n}制发的政策文件`),
  need('政策解读或回应关切', ['政策解读', '回应关切'], 'interpretations', (n) => `对${n}重要政策文件的解读`),
  need('工作动态', ['工作动态'], 'news', (n) => `${n}工作动态`),
  need('互动交流（咨询投诉、征集调查或在线访谈）', ['咨询投诉', '征集调查', '在线访谈'], 'interaction', () => '咨询投诉和建言献策渠道', '互动交流'),
];
const SERVICES = need('办事服务', ['办事服务'], 'services', (n) => `${n}政务服务事项办事指南`);
const PORTAL_ONLY: Requirement[] = [
  need('信息公开指南', ['信息公开指南'], 'disclosure-guide', (n) => `${n}政府信息公开的范围、方式、程序和联系方式`, '政府信息公开指南'),
  need('信息公开目录', ['信息公开目录'], 'disclosure-catalog', (n) => `${n}主动公开政府信息的分类和编排体系`, '政府信息公开目录'),
  need('信息公开年报', ['信息公开年报'], 'disclosure-reports', (n) => `${n}政府信息公开工作年度报告`, '政府信息公开年报'),
  need('数据发布', ['数据发布'], 'data', (n) => `${n}主要统计数据，附机器可读数据文件`),
];

function requirementsFor(context: SiteRuleContext): Requirement[] {
  const { kind, providesServices } = context.site.config;
  if (kind === 'portal') return [...EVERY_SITE, SERVICES, ...PORTAL_ONLY];
  return providesServices ? [...EVERY_SITE, SERVICES] : EVERY_SITE;
}

function checkRequired(context: SiteRuleContext): Diagnostic[] {
  const { config } = context.site;
  const types = new Set(config.columns.map((c) => c.type.trim()));
  const missing = requirementsFor(context).filter((r) => !r.types.some((t) => types.has(t)));
  if (missing.length === 0) return [];
  const taken = new Set(config.columns.map((c) => c.id));
  const freeId = (id: string) => {
    let candidate = id;
    for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
    taken.add(candidate);
    return candidate;
  };
  // A column whose type is misspelt (META-04) is most likely the one meant: retype it, don't add another.
  const retype: string[] = [];
  const add: Requirement[] = [];
  for (const r of missing) {
    const meant = config.columns.find((c) => !isColumnType(c.type) && r.types.includes(closestColumnType(c.type.trim(), c.name) ?? ''));
    if (meant) retype.push(`把栏目“${meant.name}”（${meant.id}）的 type 改为 ${r.type}`);
    else add.push(r);
  }
  const snippet = add
    .map((r) => `  - { id: ${freeId(r.id)}, name: ${r.name}, type: ${r.type}, description: ${r.description(config.name)}, keywords: [${r.name}] }`)
    .join('\n');
  const fixes = [
    ...retype,
    ...(add.length
      ? [`在 columns: 列表末尾添加以下栏目（描述按实际改写），并在 content/${context.site.id}/ 下建同名目录放入内容：\n${snippet}`]
      : []),
  ];
  const whose = config.kind === 'portal' ? '政府门户网站' : config.providesServices ? '提供政务服务的部门网站' : '部门网站';
  return [
    report(context, RULE, ['columns'], {
      message: `${whose}缺少必备栏目：${missing.map((r) => r.label).join('、')}（按栏目类型 type 识别）`,
      fix: fixes.join('；'),
    }),
  ];
}

function checkIds(context: SiteRuleContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const first = new Map<string, number>();
  context.site.config.columns.forEach((column, i) => {
    const earlier = first.get(column.id);
    if (earlier === undefined) {
      first.set(column.id, i);
      return;
    }
    found.push(
      report(context, RULE, ['columns', i, 'id'], {
        message: `栏目标识“${column.id}”重复：第 ${earlier + 1} 个栏目（${context.site.config.columns[earlier]!.name}）已经用了它，两个栏目会是同一个网址`,
        fix: `给“${column.name}”换一个栏目标识，例如 id: ${column.id}-2，内容目录也相应改名；如果是同一个栏目写了两遍，删除其中一个`,
      }),
    );
  });
  return found;
}

function checkParents(context: SiteRuleContext): Diagnostic[] {
  const columns = context.site.config.columns;
  const byId = new Map<string, ColumnConfig>();
  for (const c of columns) if (!byId.has(c.id)) byId.set(c.id, c);
  const found: Diagnostic[] = [];
  columns.forEach((column, i) => {
    if (column.parent === undefined) return;
    const path = ['columns', i, 'parent'] as const;
    if (column.parent === column.id) {
      found.push(
        report(context, RULE, path, {
          message: `栏目“${column.name}”（${column.id}）的上级栏目是它自己`,
          fix: '删除 parent 这一行（一级栏目），或改为另一个栏目的标识',
        }),
      );
      return;
    }
    if (!byId.has(column.parent)) {
      const guess = closestName(column.parent, [...byId.keys()].filter((id) => id !== column.id));
      found.push(
        report(context, RULE, path, {
          message: `栏目“${column.name}”的上级栏目“${column.parent}”没有在 columns 中声明`,
          fix: guess ? `改为 parent: ${guess}` : `改为已声明的栏目标识，或删除 parent 这一行（一级栏目）`,
        }),
      );
      return;
    }
    // Follow the parents up; coming back here means the column has no top.
    const chain = [column.id];
    let current = byId.get(column.parent);
    while (current) {
      chain.push(current.id);
      if (current.id === column.id) {
        found.push(
          report(context, RULE, path, {
            message: `栏目的上级关系形成循环：${chain.join(' → ')}`,
            fix: '其中一个栏目应是一级栏目：删除它的 parent 这一行',
          }),
        );
        break;
      }
      if (chain.indexOf(current.id) !== chain.length - 1) break; // a loop above, reported there
      current = current.parent ? byId.get(current.parent) : undefined;
    }
  });
  return found;
}

export const site08RequiredColumns: SiteRule = (context) => [...checkRequired(context), ...checkIds(context), ...checkParents(context)];
