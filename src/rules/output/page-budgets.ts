// LAY-09 (a page opens within 3 seconds on an ordinary connection): every built page of every
// site is weighed against the budget of its type (data/page-budgets.yaml, platform data). A
// page's weight is the bytes a first visit downloads, as the built files have them: its HTML,
// and each file it loads (page-refs.ts, Page.loads: stylesheets, scripts, preloads, icons, and
// per image the largest candidate of its srcset). Above the budget is a warning; above the hard
// limit an error, and the build keeps the published output. Bytes are uncompressed: a server
// compresses HTML, CSS and JS on the way, so this is an upper bound of the transfer; images and
// fonts are already compressed. Files a script fetches later (the search index, read-aloud) are
// not counted. Sizes are read once per file and summed once per distinct set of files: the item
// pages of a large site share their stylesheets and scripts, and only their images differ. A
// page's own size comes with its reading (page-cache.ts), so only the files it loads are looked at.
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { loadPlatformDataFile } from '../content/support/data-files.ts';
import type { Page } from './page-refs.ts';

const limits = z
  .strictObject({ budgetKiB: z.number().positive(), limitKiB: z.number().positive() })
  .refine((l) => l.limitKiB >= l.budgetKiB, { error: '上限（limitKiB）不能小于预算（budgetKiB）' });

export const PAGE_TYPES = { home: '首页', list: '栏目列表页', item: '内容页', search: '搜索页', other: '其他页面' } as const;
export type PageType = keyof typeof PAGE_TYPES;

const pageBudgetsSchema = z.strictObject({
  about: z.string().optional(),
  pageTypes: z.strictObject({ home: limits, list: limits, item: limits, search: limits, other: limits }),
});
export type PageBudgets = z.output<typeof pageBudgetsSchema>['pageTypes'];

/** The platform's budgets: `<root>/data/page-budgets.yaml` if the platform folder has one, else the repository's. */
export function loadPageBudgets(root: string): PageBudgets {
  return loadPlatformDataFile(root, 'page-budgets.yaml', pageBudgetsSchema).pageTypes;
}

/** Findings per page type and severity beyond which the rest are counted in one. */
const SHOWN = 20;
const KIND: Array<[RegExp, string]> = [
  [/\.css$/i, 'CSS'],
  [/\.m?js$/i, 'JS'],
  [/\.(?:woff2?|ttf|otf|eot)$/i, '字体'],
  [/\.(?:avif|webp|png|jpe?g|gif|svg|ico|bmp)$/i, '图片'],
];

/** The order of a page's parts in a message. */
const PARTS = ['HTML', 'CSS', 'JS', '图片', '字体', '其他'];

export interface BudgetInput {
  pages: Iterable<Page>;
  /** Bytes of an output file (output-relative path); undefined when it is not there (a broken link, reported apart). */
  sizeOf: (file: string) => number | undefined;
  budgets: PageBudgets;
  /** The site's column ids: a page under one that is not an item is a list page. */
  columns: ReadonlySet<string>;
  /** How a page's path appears in findings: its published place, e.g. dist/alpha/news/index.html. */
  pageFile: (pagePath: string) => string;
}

export function pageType(page: Page, columns: ReadonlySet<string>): PageType {
  if (page.item) return 'item';
  if (page.path === 'index.html') return 'home';
  if (page.path === 'search/index.html') return 'search';
  return columns.has(page.path.split('/')[0]!) ? 'list' : 'other';
}

/** The output-relative file an address of the page names, or undefined (another site, a folder, data:). */
function outputFile(value: string, pageUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, `https://page.invalid${pageUrl}`);
  } catch {
    return undefined;
  }
  if (url.host !== 'page.invalid' || url.pathname.endsWith('/')) return undefined;
  try {
    return decodeURIComponent(url.pathname.slice(1));
  } catch {
    return undefined;
  }
}

/** What a set of files weighs: in all, by kind, and the largest file. Shared by the pages that load that set. */
interface Loads {
  total: number;
  parts: Map<string, number>;
  largest?: { file: string; bytes: number };
}

interface Weight {
  html: number;
  total: number;
  loads: Loads;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Weighs pages: sizes are read once per file, sums made once per distinct set of files. */
function weigher(sizeOf: BudgetInput['sizeOf']) {
  const sizes = new Map<string, number>();
  const size = (file: string) => {
    let bytes = sizes.get(file);
    if (bytes === undefined) sizes.set(file, (bytes = sizeOf(file) ?? 0));
    return bytes;
  };
  const resolved = new Map<string, string | undefined>();
  const sets = new Map<string, Loads>();
  return (page: Page): Weight => {
    const files = new Set<string>();
    for (const value of page.loads) {
      // A root-relative address means the same on every page: resolved once.
      const rooted = value.startsWith('/');
      let file = rooted ? resolved.get(value) : undefined;
      if (!rooted || !resolved.has(value)) file = outputFile(value, page.url);
      if (rooted) resolved.set(value, file);
      if (file) files.add(file);
    }
    // In the page's order: pages of one template list their files alike, so they share the sum.
    const key = [...files].join('\n');
    let loads = sets.get(key);
    if (!loads) {
      loads = { total: 0, parts: new Map() };
      for (const file of files) {
        const bytes = size(file);
        const kind = KIND.find(([pattern]) => pattern.test(file))?.[1] ?? '其他';
        loads.total += bytes;
        loads.parts.set(kind, (loads.parts.get(kind) ?? 0) + bytes);
        if (!loads.largest || bytes > loads.largest.bytes) loads.largest = { file, bytes };
      }
      sets.set(key, loads);
    }
    const html = page.bytes ?? size(page.path);
    return { html, total: html + loads.total, loads };
  };
}

function finding(page: Page, type: PageType, weight: Weight, over: 'budget' | 'limit', input: BudgetInput): Diagnostic {
  const limit = input.budgets[type][over === 'limit' ? 'limitKiB' : 'budgetKiB'] * 1024;
  const bytesOf = (kind: string) => (kind === 'HTML' ? weight.html : weight.loads.parts.get(kind));
  const parts = PARTS.filter((kind) => bytesOf(kind)).map((kind) => `${kind} ${formatBytes(bytesOf(kind)!)}`).join('、');
  const { largest: file } = weight.loads;
  const largest = file ? `，最大的是 /${file.file}（${formatBytes(file.bytes)}）` : '';
  const what = over === 'limit' ? `超过${PAGE_TYPES[type]}的上限 ${formatBytes(limit)}，普通网络下 3 秒内打不开，不能发布` : `超过${PAGE_TYPES[type]}的预算 ${formatBytes(limit)}`;
  return diagnostic({
    ruleId: 'LAY-09',
    severity: over === 'limit' ? 'error' : 'warn',
    file: page.item ? page.item.file : input.pageFile(page.path),
    message: `页面 ${page.url} 首次打开要下载 ${formatBytes(weight.total)}（${parts}${largest}），${what}`,
    fix: page.item
      ? '缩小正文中的图片：宽度不超过 1440 像素，另存为 JPG 或 WebP 并压缩（照片一般 300 KB 以内）；图片很多时分成几篇，或把原图作为附件提供'
      : '这类页面的模板、样式、脚本或站点图片变大了：请平台技术人员检查最近的改动；确需更大时在 data/page-budgets.yaml 中调整预算并写明理由',
  });
}

/** LAY-09 findings of the pages, in page order; beyond SHOWN per type and severity, one finding counts the rest. */
export function checkPageBudgets(input: BudgetInput): Diagnostic[] {
  const weigh = weigher(input.sizeOf);
  const shown = new Map<string, Diagnostic[]>();
  const hidden = new Map<string, { count: number; type: PageType; over: 'budget' | 'limit'; page: Page }>();
  for (const page of input.pages) {
    const type = pageType(page, input.columns);
    const weight = weigh(page);
    const over = weight.total > input.budgets[type].limitKiB * 1024 ? 'limit' : weight.total > input.budgets[type].budgetKiB * 1024 ? 'budget' : undefined;
    if (!over) continue;
    const group = `${type} ${over}`;
    const list = shown.get(group) ?? [];
    shown.set(group, list);
    if (list.length < SHOWN) list.push(finding(page, type, weight, over, input));
    else {
      const rest = hidden.get(group) ?? { count: 0, type, over, page };
      rest.count++;
      hidden.set(group, rest);
    }
  }
  const more = [...hidden.values()].map(({ count, type, over, page }) =>
    diagnostic({
      ruleId: 'LAY-09',
      severity: over === 'limit' ? 'error' : 'warn',
      file: input.pageFile(page.path),
      message: `另有 ${count} 个${PAGE_TYPES[type]}的下载量超过${over === 'limit' ? '上限' : '预算'}（上面只列出前 ${SHOWN} 个）`,
      fix: '按上面各条的修改方法处理',
    }),
  );
  return [...[...shown.values()].flat(), ...more];
}
