// npm run bench:search — the search index at platform scale (issue 7, SRCH-01…05).
//
// Generates N synthetic items (the demo platform's real bodies, with varied titles, columns,
// dates, 文号 and statuses) as item pages marked up as templates/pages/[column]/[slug].astro
// marks them, indexes them with the build's own index step (src/index/), and reports:
// - index time and index size per 1,000 items, for 1,000 and 10,000 items;
// - median query time in headless Chromium at 10,000 items: Pagefind's search plus the data of
//   the first 10 results, and the search page's whole query (typo check, 文号, title order,
//   rendering), plus the first (cold) query of a fresh page.
// Baseline, measured in the same run on the same pages: plain Pagefind without the `words` and
// `pinyin` keys src/index/ adds; figures are also given as ratios against it. At the browser size
// the same pages are also indexed in the parts a site of that size gets (src/index/search-parts.ts)
// and queried through the search page's merge: the readers' cost of faster edits.
//
//   npm run bench:search                       1,000 and 10,000 items
//   BENCH_SEARCH_ITEMS=2000 npm run bench:search  other sizes (comma separated; the largest is
//                                                 used for the browser figures)
//   BENCH_SEARCH_KEEP=1 npm run bench:search       keep the generated sites (the path is printed)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { close as closePagefind } from 'pagefind';
import { indexSite } from '../src/index/index-site.ts';
import { searchPartCount } from '../src/index/search-parts.ts';
import { projectRoot } from '../src/util/paths.ts';
import { markdownToPlainText } from '../src/util/plain-text.ts';
import { searchAttributes } from '../templates/lib/search-attributes.ts';
import { RANKING } from '../templates/scripts/search-query.ts';
import type { ItemSummary } from '../src/render/site-data.ts';
import type { ColumnConfig, SiteConfig } from '../src/schema/site-schema.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveDirectory } from '../tests/helpers/static-server.ts';

const SIZES = (process.env.BENCH_SEARCH_ITEMS ?? '1000,10000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const BROWSER_SIZE = SIZES[SIZES.length - 1]!;
const QUERIES = [
  '营商环境', '养老服务', '高标准农田', '政务服务一件事', '学生资助', '防汛应急预案', '城乡居民医保参保', '数字政府建设',
  '示政办发〔2024〕15号', '安政发[2023]7号', 'zhengfu wangzhan', 'zfwz', 'yingshang huanjing', '营商环竟', '社会保章卡',
  '新型工业化', '就业创业补贴', '校园安全', '2025年 统计公报', '政府信息公开年报',
];

interface DemoItem {
  title: string;
  keywords: string[];
  body: string;
}

/** The demo platform's items: real Chinese government text to build synthetic items from. */
function demoItems(): DemoItem[] {
  const items: DemoItem[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.mdx')) {
        const text = readFileSync(full, 'utf8');
        const match = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/);
        if (!match) continue;
        const front = parse(match[1]!) as { title: string; keywords?: string[] };
        items.push({ title: front.title, keywords: front.keywords ?? [], body: markdownToPlainText(match[2]!) });
      }
    }
  };
  walk(path.join(projectRoot, 'content'));
  return items;
}

const ORGANS = ['示例省人民政府', '示例省人民政府办公厅', '示例省教育厅', '示例省财政厅', '示例省民政厅', '东岭市人民政府', '西江市人民政府', '安平县人民政府', '安平县人民政府办公室', '示例市人民政府办公室'];
const DOC_PREFIX = ['示政发', '示政办发', '示教基', '示财预', '示民发', '东政发', '西政办发', '安政发', '安政办发', '示市政办发'];
const ACTIONS = ['关于进一步做好', '关于加快推进', '关于印发', '关于开展', '关于深化', '关于支持', '关于促进', '关于加强', '关于规范', '关于完善'];
const KINDS = ['的通知', '的实施意见', '的若干措施', '实施方案', '的公告', '工作要点', '的指导意见', '情况通报'];
const COLUMNS: Array<Pick<ColumnConfig, 'id' | 'name' | 'type'>> = [
  { id: 'policies', name: '政策文件', type: '政策文件' },
  { id: 'interpretations', name: '政策解读', type: '政策解读' },
  { id: 'news', name: '工作动态', type: '工作动态' },
  { id: 'notices', name: '通知公告', type: '工作动态' },
  { id: 'services', name: '办事服务', type: '办事服务' },
  { id: 'data', name: '数据发布', type: '数据发布' },
];

/** A deterministic stream of pseudo-random numbers (the same items on every run). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes `count` item pages (and nothing else) into `dir`; returns the bytes of HTML written. */
function generateSite(dir: string, count: number, demo: DemoItem[]): number {
  const next = random(20261122);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const config = { name: '示例省人民政府', domain: 'www.shili.gov.cn' } as SiteConfig;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const source = demo[i % demo.length]!;
    const column = pick(COLUMNS);
    const year = 2019 + Math.floor(next() * 8);
    const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')} ${String(8 + Math.floor(next() * 10)).padStart(2, '0')}:30`;
    const topic = pick(demo).keywords.filter((k) => /\p{Script=Han}/u.test(k)).slice(0, 2).join('和') || '重点工作';
    // Every tenth item keeps its demo title (as republished under another year), the rest are new.
    const title = i % 10 === 0 ? `${source.title}（${year}年）` : `${pick(ORGANS)}${pick(ACTIONS)}${year}年${topic}工作${pick(KINDS)}`;
    const policy = column.id === 'policies';
    const roll = next();
    const data = {
      title,
      pubDate: date,
      source: pick(ORGANS),
      keywords: [...source.keywords.slice(0, 3), topic.split('和')[0]!],
      docNumber: policy ? `${pick(DOC_PREFIX)}〔${year}〕${1 + Math.floor(next() * 60)}号` : undefined,
      archived: roll < 0.05 ? { at: `${year + 1}-01-05 10:00` } : undefined,
      status: policy && roll > 0.9 ? { state: pick(['amended', 'repealed', 'expired'] as const) } : undefined,
    };
    const item = { url: `/${column.id}/item-${i}/`, summary: source.body.slice(0, 120), data, reference: undefined } as unknown as ItemSummary;
    const attributes = Object.entries(searchAttributes(item, column as ColumnConfig, config))
      .map(([name, value]) => (value === '' ? name : `${name}="${escapeHtml(value)}"`))
      .join(' ');
    const paragraphs = source.body.split(/(?<=。)/).reduce<string[]>((all, sentence, n) => {
      if (n % 3 === 0) all.push('');
      all[all.length - 1] += sentence;
      return all;
    }, []);
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>
<header class="site-header"><a href="/">示例省人民政府</a><form role="search" action="/search/"><input name="q"></form></header>
<nav class="main-nav"><a href="/">首页</a><a href="/news/">政务动态</a><a href="/policies/">政策文件</a></nav>
<main id="main"><nav class="breadcrumb"><a href="/">首页</a> › ${escapeHtml(column.name)}</nav>
<article class="article" ${attributes}><h1 class="article__title">${escapeHtml(title)}</h1>
<p class="article__meta"><span>发布时间：${date}</span><span>信息来源：${escapeHtml(data.source)}</span></p>
${data.docNumber ? `<table class="doc-info"><tr><th>发文字号</th><td>${data.docNumber}</td></tr></table>` : ''}
<div class="article__body">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</div></article></main>
<footer class="site-footer">主办单位：示例省人民政府办公厅 网站标识码：5900000001</footer></body></html>`;
    const file = path.join(dir, column.id, `item-${i}`, 'index.html');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, html);
    bytes += Buffer.byteLength(html);
  }
  return bytes;
}

/** Bytes of the index proper: Pagefind's index, fragment, filter and meta files (not its JS and WebAssembly). */
function indexBytes(bundle: string): number {
  let total = 0;
  for (const entry of readdirSync(bundle, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.pf_(index|fragment|filter|meta)$/.test(entry.name)) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

async function timedIndex(dir: string, searchKeys: boolean, parts = 1): Promise<{ seconds: number; bytes: number; pages: number }> {
  const started = performance.now();
  const result = await indexSite(dir, { searchKeys, parts });
  const seconds = (performance.now() - started) / 1000;
  if (result.errors.length) throw new Error(result.errors.join('\n'));
  return { seconds, bytes: indexBytes(path.join(dir, 'pagefind')), pages: result.pages };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The search page of a real build (anping: a site searching itself only), to drop into the synthetic sites. */
function buildSearchPage(work: string): string {
  const out = path.join(work, 'demo');
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/main.ts'), 'build', '--site', 'anping', '--out', out, '--now', '2026-11-22 10:00'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`demo build failed:\n${result.stdout}\n${result.stderr}`);
  return path.join(out, 'anping');
}

function addSearchPage(demoSite: string, dir: string, parts = 1): void {
  cpSync(path.join(demoSite, '404.html'), path.join(dir, '404.html'));
  cpSync(path.join(demoSite, 'search'), path.join(dir, 'search'), { recursive: true });
  const searchPage = path.join(dir, 'search', 'index.html');
  writeFileSync(searchPage, readFileSync(searchPage, 'utf8').replace(/data-bundle-parts="\d+"/, `data-bundle-parts="${parts}"`));
  cpSync(path.join(demoSite, '_astro'), path.join(dir, '_astro'), { recursive: true });
  if (existsSync(path.join(demoSite, 'assets'))) cpSync(path.join(demoSite, 'assets'), path.join(dir, 'assets'), { recursive: true });
}

interface BrowserFigures {
  apiMedianMs: number;
  /** The same, over the Chinese queries only: the ones plain Pagefind can answer too. */
  apiChineseMedianMs: number;
  pageMedianMs: number;
  coldFirstQueryMs: number;
}

async function browserFigures(dir: string, withPage: boolean, parts = 1): Promise<BrowserFigures> {
  const server = await serveDirectory(dir);
  const browser = await launchBrowser();
  try {
    let coldFirstQueryMs = Number.NaN;
    let pageMedianMs = Number.NaN;
    if (withPage) {
      const page = await browser.newPage();
      // Cold: a fresh page, the query in its URL, until the results are on screen.
      const coldStarted = Date.now();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(QUERIES[0]!)}`);
      await page.waitForSelector('.search-result');
      coldFirstQueryMs = Date.now() - coldStarted;
      // The search page's whole query, warm: submit the form, wait for its `govsite:searched`.
      const times: number[] = [];
      for (const round of [0, 1]) {
        for (const q of QUERIES) {
          const ms = await page.evaluate(
            (q) =>
              new Promise<number>((resolve) => {
                const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
                form.querySelector<HTMLInputElement>('#search-query')!.value = q;
                const started = performance.now();
                form.addEventListener('govsite:searched', () => resolve(performance.now() - started), { once: true });
                form.requestSubmit();
              }),
            q,
          );
          if (round === 1) times.push(ms);
        }
      }
      pageMedianMs = median(times);
      await page.close();
    }
    // Pagefind alone, on a page without the search interface, with the search page's options:
    // search plus the data of the first 10 results, warm (second round).
    const page = await browser.newPage();
    await page.goto(`${server.url}/404.html`);
    const apiTimes: number[] = await page.evaluate(
      async ({ queries, ranking, parts }) => {
        const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
        await pagefind.options({ excerptLength: 36, ranking });
        for (let part = 1; part < parts; part++) await pagefind.mergeIndex(`/pagefind/part-${part}/`, { ranking });
        const times: number[] = [];
        for (const round of [0, 1]) {
          for (const q of queries) {
            const started = performance.now();
            const search = await pagefind.search(q);
            await Promise.all(search.results.slice(0, 10).map((r: { data: () => Promise<unknown> }) => r.data()));
            if (round === 1) times.push(performance.now() - started);
          }
        }
        return times;
      },
      { queries: QUERIES, ranking: RANKING, parts },
    );
    const chinese = apiTimes.filter((_, i) => /\p{Script=Han}/u.test(QUERIES[i]!));
    return { apiMedianMs: median(apiTimes), apiChineseMedianMs: median(chinese), pageMedianMs, coldFirstQueryMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

const fmt = (n: number, digits = 1) => (Number.isNaN(n) ? '—' : n.toFixed(digits));
const kib = (bytes: number) => `${fmt(bytes / 1024, 0)} KiB`;
const ratio = (a: number, b: number) => `×${fmt(a / b, 2)}`;

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'govsite-bench-search-'));
  try {
    const demo = demoItems();
    console.log(`Search benchmark: synthetic items from ${demo.length} demo bodies; sizes ${SIZES.join(', ')}`);
    const demoSite = buildSearchPage(work);
    const rows: string[] = [];
    let browserDirs: { ours: string; baseline: string; parted: string; parts: number } | undefined;
    let partedRow = '';
    for (const size of SIZES) {
      const ours = path.join(work, `ours-${size}`);
      const baseline = path.join(work, `baseline-${size}`);
      const htmlBytes = generateSite(ours, size, demo);
      generateSite(baseline, size, demo);
      const plain = await timedIndex(baseline, false);
      const keyed = await timedIndex(ours, true);
      if (keyed.pages !== size || plain.pages !== size) throw new Error(`indexed ${keyed.pages}/${plain.pages} of ${size} pages`);
      rows.push(
        `| ${size.toLocaleString('en')} | ${kib(htmlBytes / (size / 1000))} | ${kib(keyed.bytes / (size / 1000))} | ${kib(plain.bytes / (size / 1000))} | ${ratio(keyed.bytes, plain.bytes)} | ${fmt(keyed.seconds)} s | ${fmt(plain.seconds)} s | ${ratio(keyed.seconds, plain.seconds)} |`,
      );
      if (size === BROWSER_SIZE) {
        const parts = searchPartCount(size);
        const parted = path.join(work, `parted-${size}`);
        generateSite(parted, size, demo);
        const split = await timedIndex(parted, true, parts);
        partedRow = `| ${size.toLocaleString('en')} in ${parts} parts | ${kib(htmlBytes / (size / 1000))} | ${kib(split.bytes / (size / 1000))} | ${kib(plain.bytes / (size / 1000))} | ${ratio(split.bytes, plain.bytes)} | ${fmt(split.seconds)} s | ${fmt(plain.seconds)} s | ${ratio(split.seconds, plain.seconds)} |`;
        browserDirs = { ours, baseline, parted, parts };
      }
      else {
        rmSync(ours, { recursive: true, force: true });
        rmSync(baseline, { recursive: true, force: true });
      }
    }
    await closePagefind();
    console.log('\nIndex (per 1,000 items: bytes of .pf_index/.pf_fragment/.pf_filter/.pf_meta files)');
    console.log('| items | HTML per 1,000 | index per 1,000 | baseline per 1,000 | size ratio | index time | baseline time | time ratio |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const row of rows) console.log(row);
    if (partedRow) console.log(partedRow);

    addSearchPage(demoSite, browserDirs!.ours);
    addSearchPage(demoSite, browserDirs!.baseline);
    addSearchPage(demoSite, browserDirs!.parted, browserDirs!.parts);
    const ours = await browserFigures(browserDirs!.ours, true);
    const plain = await browserFigures(browserDirs!.baseline, false);
    const parted = await browserFigures(browserDirs!.parted, true, browserDirs!.parts);
    console.log(`\nQueries in Chromium at ${BROWSER_SIZE.toLocaleString('en')} items (${QUERIES.length} queries, median of the warm round)`);
    console.log('| measure | govsite | baseline | ratio |');
    console.log('|---|---|---|---|');
    console.log(`| Pagefind search + data of first 10 results, Chinese queries | ${fmt(ours.apiChineseMedianMs)} ms | ${fmt(plain.apiChineseMedianMs)} ms | ${ratio(ours.apiChineseMedianMs, plain.apiChineseMedianMs)} |`);
    console.log(`| Pagefind search + data of first 10 results, all queries (baseline finds nothing for pinyin) | ${fmt(ours.apiMedianMs)} ms | ${fmt(plain.apiMedianMs)} ms | — |`);
    console.log(`| search page, whole query (submit → results shown) | ${fmt(ours.pageMedianMs)} ms | — | — |`);
    console.log(`| first query on a fresh page (load → results shown) | ${fmt(ours.coldFirstQueryMs, 0)} ms | — | — |`);
    console.log(`\nThe same items as a site's index in ${browserDirs!.parts} parts (src/index/search-parts.ts), against one index`);
    console.log('| measure | in parts | one index | ratio |');
    console.log('|---|---|---|---|');
    console.log(`| Pagefind search + data of first 10 results, all queries | ${fmt(parted.apiMedianMs)} ms | ${fmt(ours.apiMedianMs)} ms | ${ratio(parted.apiMedianMs, ours.apiMedianMs)} |`);
    console.log(`| search page, whole query (submit → results shown) | ${fmt(parted.pageMedianMs)} ms | ${fmt(ours.pageMedianMs)} ms | ${ratio(parted.pageMedianMs, ours.pageMedianMs)} |`);
    console.log(`| first query on a fresh page (load → results shown) | ${fmt(parted.coldFirstQueryMs, 0)} ms | ${fmt(ours.coldFirstQueryMs, 0)} ms | ${ratio(parted.coldFirstQueryMs, ours.coldFirstQueryMs)} |`);
  } finally {
    if (process.env.BENCH_SEARCH_KEEP) console.log(`\nGenerated sites kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
