// REP-01: the inspection report of one site (监测报告), as JSON for machines and HTML for people.
// Deterministic: the only time in it is the inspection time given (--now / --to).
import { ruleInfo } from '../diagnostics/catalogue.ts';
import { countBySeverity, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedSite } from '../rules/load-site.ts';

export interface InspectionReport {
  site: { id: string; name?: string; domain?: string; siteCode?: string };
  inspectedAt: string;
  window?: { from: string; to: string };
  /** 合格 unless a veto (单项否决) or an error stands. */
  verdict: '合格' | '不合格';
  counts: { error: number; veto: number; warn: number };
  findings: Array<Diagnostic & { ruleTitle: string }>;
}

export function inspectionReport(site: LoadedSite, inspectedAt: string, window?: { from: string; to: string }): InspectionReport {
  const config = site.source?.config;
  const counts = countBySeverity(site.diagnostics);
  return {
    site: { id: site.id, name: config?.name, domain: config?.domain, siteCode: config?.siteCode },
    inspectedAt,
    window,
    verdict: counts.veto > 0 || counts.error > 0 ? '不合格' : '合格',
    counts,
    findings: site.diagnostics.map((d) => ({ ...d, ruleTitle: ruleInfo(d.ruleId).title })),
  };
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const severityLabel = { error: '错误', veto: '单项否决', warn: '警告' } as const;

export function inspectionHtml(report: InspectionReport): string {
  const title = `${report.site.name ?? report.site.id} 网站监测报告`;
  const rows = report.findings
    .map(
      (f) => `<tr class="finding finding--${f.severity}"><td>${severityLabel[f.severity]}</td><td><abbr title="${escape(f.ruleTitle)}">${f.ruleId}</abbr></td><td><code>${escape(f.file)}${f.line ? `:${f.line}` : ''}</code></td><td>${escape(f.message)}</td><td>${escape(f.fix)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;line-height:1.6;margin:0 auto;max-width:72rem;padding:1rem;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.4rem .6rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
.verdict{font-size:1.5rem;font-weight:700}.verdict--pass{color:#116329}.verdict--fail{color:#a40e26}
.finding--veto td:first-child,.finding--error td:first-child{color:#a40e26;font-weight:700}code{word-break:break-all}
</style>
</head>
<body>
<h1>${escape(title)}</h1>
<dl>
<dt>网站</dt><dd>${escape(report.site.name ?? '')}（${escape(report.site.domain ?? '')}，网站标识码 ${escape(report.site.siteCode ?? '')}）</dd>
<dt>检查时间</dt><dd>${escape(report.inspectedAt)}</dd>
${report.window ? `<dt>统计区间</dt><dd>${escape(report.window.from)} 至 ${escape(report.window.to)}</dd>` : ''}
</dl>
<p class="verdict verdict--${report.verdict === '合格' ? 'pass' : 'fail'}">检查结论：${report.verdict}</p>
<table>
<caption>问题汇总</caption>
<thead><tr><th scope="col">单项否决</th><th scope="col">错误</th><th scope="col">警告</th></tr></thead>
<tbody><tr><td>${report.counts.veto}</td><td>${report.counts.error}</td><td>${report.counts.warn}</td></tr></tbody>
</table>
<h2>问题明细</h2>
${report.findings.length === 0 ? '<p>未发现问题。</p>' : `<table>
<thead><tr><th scope="col">类别</th><th scope="col">规则</th><th scope="col">位置</th><th scope="col">问题</th><th scope="col">修改方法</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`}
</body>
</html>
`;
}
