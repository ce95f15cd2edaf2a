// REP-02: the figures of the national annual work report table (政府网站年度工作报表) that content
// can know, computed for a date window; the rest (visits, messages handled, security checks…)
// come from sites/<siteId>/annual-figures.yaml, maintained by the site's administrators.
import path from 'node:path';
import { formatDiagnostic } from '../diagnostics/diagnostic.ts';
import type { ContentItem } from '../content/items.ts';
import { parseYamlValue } from '../config/parse-yaml.ts';
import { readSourceFileSync } from '../config/read-source-file.ts';
import type { SiteConfig } from '../schema/site-schema.ts';

export interface AnnualFigures {
  网站名称: string;
  首页网址: string;
  主办单位: string;
  网站类型: string;
  政府网站标识码: string;
  ICP备案号: string;
  公安机关备案号: string;
  统计区间: { from: string; to: string };
  信息发布: { 总数: number; 概况类信息更新量: number; 政务动态信息更新量: number; 信息公开目录信息更新量: number };
  各栏目发布量: Record<string, number>;
  专栏专题: { 维护数量: number; 新开设数量: number };
  政策解读: { 总数: number; 图解: number; 音视频: number };
  回应关切数量: number;
  征集调查期数: number;
  在线访谈期数: number;
  /** Figures content cannot know, as the administrators recorded them. */
  其他数据: Record<string, unknown>;
  /** Where the figures of 其他数据 come from (absent when there is no data file). */
  其他数据来源?: string;
}

const SITE_KIND = { portal: '政府门户网站', department: '部门网站' } as const;

export function annualFigures(root: string, siteId: string, config: SiteConfig, items: readonly ContentItem[], from: string, to: string): AnnualFigures {
  const inWindow = items.filter((item) => !item.referenceOf && item.data.pubDate >= from && item.data.pubDate <= to);
  const typeOf = (item: ContentItem) => config.columns.find((c) => c.id === item.columnId)?.type ?? '';
  const count = (predicate: (item: ContentItem) => boolean) => inWindow.filter(predicate).length;
  const perColumn: Record<string, number> = {};
  for (const column of config.columns) perColumn[column.name] = count((i) => i.columnId === column.id);
  const interpretations = inWindow.filter((i) => typeOf(i) === '政策解读');
  const fromDate = from.slice(0, 10);
  const toDate = to.slice(0, 10);
  const dataFile = path.join(root, 'sites', siteId, 'annual-figures.yaml');
  // Written by a site's administrators: read with site.yaml's limits (SEC-04/05), never thrown.
  const file = `sites/${siteId}/annual-figures.yaml`;
  const decoded = readSourceFileSync(dataFile, file);
  const empty = decoded && !decoded.ok && decoded.diagnostics.every((d) => d.ruleId === 'FILE-02');
  const read = decoded?.ok ? parseYamlValue({ text: decoded.text, file, firstLine: 1 }) : { value: undefined, diagnostics: empty ? [] : (decoded?.diagnostics ?? []) };
  const value = read.value;
  const other = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const problem = read.diagnostics[0];
  return {
    网站名称: config.name,
    首页网址: `https://${config.domain}/`,
    主办单位: config.organizer,
    网站类型: SITE_KIND[config.kind],
    政府网站标识码: config.siteCode,
    ICP备案号: config.icp,
    公安机关备案号: config.publicSecurityRecord,
    统计区间: { from, to },
    信息发布: {
      总数: inWindow.length,
      概况类信息更新量: count((i) => ['概况信息', '机构职能', '负责人信息'].includes(typeOf(i))),
      政务动态信息更新量: count((i) => typeOf(i) === '工作动态'),
      信息公开目录信息更新量: count((i) => ['信息公开目录', '政策文件', '信息公开指南', '信息公开年报', '数据发布'].includes(typeOf(i))),
    },
    各栏目发布量: perColumn,
    专栏专题: {
      维护数量: config.topics.filter((t) => t.start <= toDate && (!t.end || t.end >= fromDate)).length,
      新开设数量: config.topics.filter((t) => t.start >= fromDate && t.start <= toDate).length,
    },
    政策解读: {
      总数: interpretations.length,
      图解: interpretations.filter((i) => /图解|图文/.test(i.data.title)).length,
      音视频: interpretations.filter((i) => /视频|音频|动画|动漫/.test(i.data.title)).length,
    },
    回应关切数量: count((i) => typeOf(i) === '回应关切'),
    征集调查期数: count((i) => typeOf(i) === '征集调查'),
    在线访谈期数: count((i) => typeOf(i) === '在线访谈'),
    其他数据: other,
    其他数据来源: problem ? `${file}（有错误，未读取：${formatDiagnostic(problem).replace(/\s+/g, ' ')}）` : decoded ? file : undefined,
  };
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The figures as a page a site can publish (政府网站年度工作报表). */
export function annualFiguresHtml(f: AnnualFigures): string {
  const row = (label: string, value: unknown) => `<tr><th scope="row">${escape(label)}</th><td>${escape(String(value))}</td></tr>`;
  const rows = [
    row('网站名称', f.网站名称), row('首页网址', f.首页网址), row('主办单位', f.主办单位), row('网站类型', f.网站类型),
    row('政府网站标识码', f.政府网站标识码), row('ICP备案号', f.ICP备案号), row('公安机关备案号', f.公安机关备案号),
    row('信息发布总数（条）', f.信息发布.总数), row('其中：概况类信息更新量', f.信息发布.概况类信息更新量),
    row('政务动态信息更新量', f.信息发布.政务动态信息更新量), row('信息公开目录信息更新量', f.信息发布.信息公开目录信息更新量),
    row('专栏专题维护数量（个）', f.专栏专题.维护数量), row('专栏专题新开设数量（个）', f.专栏专题.新开设数量),
    row('政策解读总数（条）', f.政策解读.总数), row('其中：图解', f.政策解读.图解), row('音视频', f.政策解读.音视频),
    row('回应公众关注热点或重大舆情数量（次）', f.回应关切数量), row('征集调查期数（期）', f.征集调查期数), row('在线访谈期数（期）', f.在线访谈期数),
    ...Object.entries(f.其他数据).map(([k, v]) => row(k, v)),
  ].join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(f.网站名称)}政府网站工作年度报表</title>
<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;line-height:1.6;margin:0 auto;max-width:48rem;padding:1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left}th{background:#f6f8fa;width:55%}</style></head>
<body>
<h1>${escape(f.网站名称)}政府网站工作年度报表</h1>
<p>统计区间：${escape(f.统计区间.from)} 至 ${escape(f.统计区间.to)}${f.其他数据来源 ? `；访问量等数据来自 ${escape(f.其他数据来源)}` : ''}</p>
<table><tbody>
${rows}
</tbody></table>
</body>
</html>
`;
}
