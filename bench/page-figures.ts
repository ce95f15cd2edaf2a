// Reader-side figures per page type (issue 8): the gzip bytes of HTML + CSS + JS each page type
// of the demo portal loads, against its budget in bench/page-budgets.json (enforced by
// tests/browser/page-budgets.test.ts), and Lighthouse's mobile performance score with the load
// metrics behind the "loads within 3 seconds" rule. Part of `npm run bench`; alone:
//
//   npm run bench:pages [-- --dist <dir>] [-- --write]   <dir>: a built portal (default: builds
//                                                          the demo platform into a temp folder)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/util/paths.ts';
import { PAGE_TYPES } from '../templates/lib/a11y-testing.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { serveDirectory } from '../tests/helpers/static-server.ts';
import { withLighthouse } from '../scripts/lighthouse-session.ts';
import { measurePageWeight, type PageWeight } from './page-weight.ts';
import budgets from './page-budgets.json' with { type: 'json' };
import { BENCH_NOW } from './bench-size.ts';

/** The "loads within 3 seconds" rule, read as Lighthouse's simulated mobile LCP. */
const LOAD_LIMIT_MS = 3000;

interface PerformanceRow {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;

/** The demo platform built into a temp folder (all sites: the portal searches and lists the others). */
function buildDemo(work: string): string {
  cpSync(path.join(projectRoot, 'sites'), path.join(work, 'sites'), { recursive: true });
  cpSync(path.join(projectRoot, 'content'), path.join(work, 'content'), { recursive: true });
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/main.ts'), 'build', '--root', work, '--now', BENCH_NOW], { cwd: projectRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`demo build failed:\n${result.stdout}\n${result.stderr}`);
  return path.join(work, 'dist', 'shili');
}

async function weights(dist: string): Promise<Record<string, PageWeight>> {
  const server = await serveDirectory(dist);
  const browser = await launchBrowser();
  try {
    const found: Record<string, PageWeight> = {};
    for (const type of PAGE_TYPES) found[type.id] = await measurePageWeight(browser, `${server.url}${type.demoPath}`);
    return found;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function lighthousePerformance(dist: string): Promise<{ version: string; rows: Record<string, PerformanceRow> }> {
  return withLighthouse(dist, async ({ audit }) => {
    const rows: Record<string, PerformanceRow> = {};
    let version = '';
    for (const type of PAGE_TYPES) {
      // Lighthouse does not audit a page served with status 404: the same page as /404.html is.
      const target = type.id === 'not-found' ? '/404.html' : type.demoPath;
      // Lighthouse's defaults: mobile form factor, simulated Slow 4G and 4× CPU slowdown.
      const lhr = await audit(target, { onlyCategories: ['performance'] });
      version = lhr.lighthouseVersion;
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      rows[type.id] = {
        score: Math.round((lhr.categories.performance!.score ?? 0) * 100),
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      };
      console.log(`lighthouse performance\t${type.id}\t${rows[type.id]!.score}\tLCP ${rows[type.id]!.lcpMs.toFixed(0)} ms`);
    }
    return { version, rows };
  });
}

export async function runPageFigures(distOption?: string): Promise<string> {
  const work = distOption ? undefined : mkdtempSync(path.join(tmpdir(), 'govsite-bench-pages-'));
  try {
    const dist = distOption ?? buildDemo(work!);
    const measured = await weights(dist);
    const perf = await lighthousePerformance(dist);
    const limits = budgets.gzipBytes as Record<string, number>;
    const lines = [
      `Demo portal (\`shili\`) built with \`--now "${BENCH_NOW}"\`. Bytes: gzip (level 6) of the HTML, CSS and JS each page loads in Chromium until the network is idle, on a first visit (the toolbar's scripts included; read-aloud, loaded only when used, not). Budgets: \`bench/page-budgets.json\`, enforced by \`tests/browser/page-budgets.test.ts\`. Lighthouse ${perf.version}, performance category, its mobile defaults (simulated Slow 4G, 4× CPU slowdown), Debian Chromium headless; "≤ 3 s" = simulated LCP within ${LOAD_LIMIT_MS / 1000} s.`,
      '',
      '| page type | HTML KiB | CSS KiB | JS KiB | total KiB | budget KiB | other (images, wasm…) KiB raw | Lighthouse | FCP | LCP | TBT | CLS | ≤ 3 s |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const type of PAGE_TYPES) {
      const w = measured[type.id]!;
      const p = perf.rows[type.id]!;
      const limit = limits[type.id];
      lines.push(
        `| ${type.name} \`${type.demoPath}\` | ${kib(w.html)} | ${kib(w.css)} | ${kib(w.js)} | **${kib(w.text)}**${limit && w.text > limit ? ' (over)' : ''} | ${limit ? kib(limit) : '—'} | ${kib(w.other)} | ${p.score} | ${(p.fcpMs / 1000).toFixed(1)} s | ${(p.lcpMs / 1000).toFixed(1)} s | ${p.tbtMs.toFixed(0)} ms | ${p.cls.toFixed(3)} | ${p.lcpMs <= LOAD_LIMIT_MS ? 'yes' : '**no**'} |`,
      );
    }
    return lines.join('\n');
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, write: { type: 'boolean' } } });
  const table = await runPageFigures(values.dist && path.resolve(values.dist));
  console.log(`\n${table}`);
  if (values.write) {
    const file = path.join(projectRoot, 'docs', 'performance.md');
    const doc = readFileSync(file, 'utf8');
    const start = '<!-- bench-pages:start -->';
    const end = '<!-- bench-pages:end -->';
    writeFileSync(file, `${doc.slice(0, doc.indexOf(start) + start.length)}\n${table}\n${doc.slice(doc.indexOf(end))}`);
    console.log('written to docs/performance.md');
  }
}
