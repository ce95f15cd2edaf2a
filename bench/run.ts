// npm run bench — govsite's build at platform scale against two baselines (issue 8), with the
// check (issue 5) and search (issue 7) figures. See docs/performance.md for what each figure is.
//
//   npm run bench                     1,000 items (3 runs) and 10,000 items (2 runs), baselines,
//                                     check, index, search, reader-side page weights and
//                                     Lighthouse; writes docs/performance.md
//   npm run bench -- --quick          1,000 items, 1 run, build figures only, prints, writes nothing
//   npm run bench -- --items 2000     other sizes (comma separated); --large adds 50,000
//   npm run bench -- --runs 5         runs per figure at every size (medians are reported);
//                                     --runs 3,1 gives each size of --items its own count
//   npm run bench -- --sites 12       sites on the platform: the demo's 3 plus county portals like
//                                     anping (the items are spread over all of them)
//   npm run bench -- --one-site       every synthetic item in the provincial portal: one big site,
//                                     as the "10,000-item site" target is worded
//   npm run bench -- --only govsite   systems to run (govsite, astro, hugo; comma separated)
//   npm run bench -- --no-search --no-pages --keep
//   npm run bench -- … --write        writes docs/performance.md after a partial run too
//                                     (--no-write: never)
//
// Every system builds the same items in the same run, interleaved (govsite, astro, hugo,
// govsite, …), because the machine is shared: ratios from one run are what to compare.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/util/paths.ts';
import { benchSize, type SizeResult, SYSTEMS, type SystemId } from './bench-size.ts';
import { describeMachine } from './machine.ts';
import { buildTables, targetsTable } from './report-tables.ts';
import { runSearchBench } from './search-figures.ts';
import { runPageFigures } from './page-figures.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    items: { type: 'string' },
    large: { type: 'boolean' },
    runs: { type: 'string' },
    sites: { type: 'string' },
    'one-site': { type: 'boolean' },
    only: { type: 'string' },
    'no-search': { type: 'boolean' },
    'no-pages': { type: 'boolean' },
    write: { type: 'boolean' },
    'no-write': { type: 'boolean' },
    keep: { type: 'boolean' },
  },
});

const sizes = values.items ? values.items.split(',').map(Number) : values.quick ? [1000] : [1000, 10000];
if (values.large) sizes.push(50000);
// Runs per size: several where they are cheap; a 10,000-item cold build takes minutes per system.
const runList = values.runs?.split(',').map(Number);
const runsFor = (size: number) =>
  runList ? (runList[sizes.indexOf(size)] ?? runList[runList.length - 1]!) : values.quick ? 1 : size <= 1000 ? 3 : size <= 10000 ? 2 : 1;
const extraSites = Math.max(0, Number(values.sites ?? 3) - 3);
const systems = (values.only ? values.only.split(',') : [...SYSTEMS]) as SystemId[];
for (const s of systems) if (!SYSTEMS.includes(s)) throw new Error(`unknown system ${s}: use ${SYSTEMS.join(', ')}`);
// The docs show full runs: a partial one (fewer sizes, systems or runs) writes only when asked.
const partial = values.quick || values.items || values.only || values.runs || values['no-search'] || values['no-pages'];
const write = !values['no-write'] && (values.write ?? !partial);
const withSearch = !values.quick && !values['no-search'];
const withPages = !values.quick && !values['no-pages'];

const machine = describeMachine();
console.log(`govsite benchmark: ${sizes.map((n) => `${n} items × ${runsFor(n)} run(s)`).join(', ')}; ${systems.join(' / ')}`);
console.log(machine.summary);

const results: SizeResult[] = [];

/** Writes the figures so far into docs/performance.md (after each size: a long run that is
 * stopped keeps what it measured). */
function writeDoc(parts: { search?: string; pages?: string }): void {
  const file = path.join(projectRoot, 'docs', 'performance.md');
  let doc = readFileSync(file, 'utf8');
  const replace = (name: string, text: string) => {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    if (!doc.includes(start) || !doc.includes(end)) throw new Error(`${file} lacks ${start} / ${end}`);
    doc = `${doc.slice(0, doc.indexOf(start) + start.length)}\n${text.trim()}\n${doc.slice(doc.indexOf(end))}`;
  };
  replace('bench-machine', machine.markdown);
  replace('bench-build', [...buildTables(results), '', targetsTable(results)].join('\n'));
  if (parts.search) replace('bench-search', parts.search);
  if (parts.pages) replace('bench-pages', parts.pages);
  writeFileSync(file, doc);
  console.log('written to docs/performance.md');
}

for (const size of sizes) {
  try {
    results.push(await benchSize(size, { runs: runsFor(size), systems, shape: { extraSites, intoSite: values['one-site'] ? 'shili' : undefined }, keep: values.keep ?? false }));
  } catch (error) {
    // A failing size (a build error at scale) is reported; the other sizes' figures still count.
    console.error(`\n[${size}] benchmark failed: ${(error as Error).stack ?? error}`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n${buildTables(results).join('\n')}`);
  if (write) writeDoc({});
}
const targets = targetsTable(results);
console.log(`\n${targets}`);

const search = withSearch ? await runSearchBench(sizes.filter((s) => s <= 10000)) : undefined;
if (search) console.log(`\n${search}`);
const pages = withPages ? await runPageFigures() : undefined;
if (pages) console.log(`\n${pages}`);
if (write) writeDoc({ search, pages });
