// npm run lighthouse: Lighthouse accessibility scores of every page type of the built demo portal
// (dist/shili, from `npm run build`), in the default, large-print and high-contrast modes, in
// Debian's Chromium with no network. Writes the table into docs/accessibility.md (between the
// lighthouse markers) and the default-mode scores into templates/lib/a11y-lighthouse.json, which
// the accessibility statement shows.
//
//   npm run lighthouse [-- --dist <dir>]     <dir> holds the built site; default dist/shili
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/util/paths.ts';
import { MODES, PAGE_TYPES } from '../templates/lib/a11y-testing.ts';
import { withLighthouse } from './lighthouse-session.ts';

const MODE_PREFS: Record<string, object | undefined> = { default: undefined, large: { large: true }, contrast: { contrast: true } };
const distFlag = process.argv.indexOf('--dist');
const dist = path.resolve(distFlag > 0 ? process.argv[distFlag + 1]! : path.join(projectRoot, 'dist', 'shili'));
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`没有找到构建好的网站 ${dist}：请先运行 npm run build`);
  process.exit(1);
}

type Row = { score: number; failed: string[] };
const results: Record<string, Record<string, Row>> = {};
let version = '';
await withLighthouse(dist, async ({ url, context, audit }) => {
  const setup = context.pages()[0] ?? (await context.newPage());
  for (const mode of MODES) {
    await setup.goto(`${url}/`);
    await setup.evaluate((prefs) => {
      if (prefs) localStorage.setItem('govsite.a11y', JSON.stringify(prefs));
      else localStorage.removeItem('govsite.a11y');
    }, MODE_PREFS[mode.id] ?? null);
    // The mode is in the profile's storage: a page opened now shows it.
    const check = await context.newPage();
    await check.goto(`${url}/`);
    const attributes = await check.evaluate(() => [...document.documentElement.attributes].map((a) => a.name));
    if (mode.id !== 'default' && !attributes.includes(`data-a11y-${mode.id}`)) throw new Error(`${mode.name}没有生效`);
    await check.close();
    results[mode.id] = {};
    for (const type of PAGE_TYPES) {
      // Lighthouse does not audit a page served with status 404: the same page as /404.html is.
      const target = type.id === 'not-found' ? '/404.html' : type.demoPath;
      const lhr = await audit(target, { onlyCategories: ['accessibility'], disableStorageReset: true, throttlingMethod: 'provided' });
      version = lhr.lighthouseVersion;
      const category = lhr.categories.accessibility!;
      const failed = category.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id);
      results[mode.id]![type.id] = { score: Math.round((category.score ?? 0) * 100), failed };
      console.log(`${mode.name}\t${type.name}\t${results[mode.id]![type.id]!.score}${failed.length ? `\t未通过：${failed.join(', ')}` : ''}`);
    }
  }
});

const scores = Object.fromEntries(PAGE_TYPES.map((type) => [type.id, results.default![type.id]!.score]));
writeFileSync(path.join(projectRoot, 'templates', 'lib', 'a11y-lighthouse.json'), `${JSON.stringify({ version, scores }, null, 2)}\n`);

const table = [
  `Lighthouse ${version}, accessibility category, Debian Chromium headless, no network, mobile emulation; built demo portal \`dist/shili\`.`,
  '',
  `| page type | ${MODES.map((m) => `${m.name} (${m.id})`).join(' | ')} |`,
  `|---|${MODES.map(() => '---').join('|')}|`,
  ...PAGE_TYPES.map((type) => `| ${type.name} \`${type.id === 'not-found' ? '/404.html' : type.demoPath}\` | ${MODES.map((m) => { const r = results[m.id]![type.id]!; return `${r.score}${r.failed.length ? ` (${r.failed.join(', ')})` : ''}`; }).join(' | ')} |`),
].join('\n');
const docFile = path.join(projectRoot, 'docs', 'accessibility.md');
const doc = readFileSync(docFile, 'utf8');
const start = '<!-- lighthouse:start -->';
const end = '<!-- lighthouse:end -->';
if (!doc.includes(start) || !doc.includes(end)) throw new Error(`${docFile} 缺少 ${start} / ${end} 标记`);
writeFileSync(docFile, `${doc.slice(0, doc.indexOf(start) + start.length)}\n${table}\n${doc.slice(doc.indexOf(end))}`);
console.log(`已写入 docs/accessibility.md 和 templates/lib/a11y-lighthouse.json`);
