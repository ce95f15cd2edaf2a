// The precision and recall table of the corpus (tests/helpers/precision-corpus.ts) as Markdown, and
// its place in docs/checks.md between the precision-corpus markers: written by
// `npm run checks:precision`, compared by tests/unit/precision-corpus.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/util/paths.ts';
import { scoreByRule, type PassageResult } from './precision-corpus.ts';

export const CHECKS_DOC = path.join(projectRoot, 'docs', 'checks.md');
const START = '<!-- precision-corpus:start -->';
const END = '<!-- precision-corpus:end -->';

const percent = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);

export function precisionTable(results: readonly PassageResult[]): string {
  const legitimate = results.filter((r) => r.passage.kind === 'legitimate');
  const seeds = legitimate.filter((r) => r.passage.theme === '公开原文');
  const planted = results.filter((r) => r.passage.kind === 'planted');
  const pending = planted.filter((r) => r.passage.pending);
  const themes = [...new Set(legitimate.map((r) => r.passage.theme))];
  const lines = [
    `语料：合法段落 ${legitimate.length} 篇（其中 ${seeds.length} 篇摘自 \`shared/seeds/\` 的公开原文），` +
      `植入违规 ${planted.length} 条（${pending.length} 条另有说明，不计入）。`,
    `合法段落的主题：${themes.join('、')}。`,
    `合法段落上的错误或否决：${legitimate.reduce((n, r) => n + r.falseAlarms.length, 0)} 条；植入违规上的其他规则错误：${planted.reduce((n, r) => n + r.falseAlarms.length, 0)} 条。`,
    '',
    '| 规则 | 植入 | 抓到（TP） | 误报（FP） | 漏报（FN） | 精确率 | 召回率 |',
    '|---|---|---|---|---|---|---|',
    ...scoreByRule(results).map((s) => `| ${s.rule} | ${s.planted} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${percent(s.precision)} | ${percent(s.recall)} |`),
  ];
  if (pending.length > 0) {
    lines.push('', '另有说明、不计入上表的：', ...pending.map((r) => `- ${r.passage.rule}：${r.passage.what}（${r.passage.pending}；现在${r.caught ? '已' : '未'}抓到）`));
  }
  return lines.join('\n');
}

/** docs/checks.md with `table` between the markers. */
export function withTable(doc: string, table: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start === -1 || end < start) throw new Error(`docs/checks.md lacks ${START} … ${END}`);
  return `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`;
}

export function readChecksDoc(): string {
  return readFileSync(CHECKS_DOC, 'utf8');
}

export function writeChecksDoc(table: string): void {
  writeFileSync(CHECKS_DOC, withTable(readChecksDoc(), table));
}
