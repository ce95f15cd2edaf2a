// One size of `npm run bench`: generates the platform, writes the baselines over the same items,
// and measures cold build, no-change rebuild and one-item-edit rebuild of each system, runs
// interleaved, then govsite's check and search index. Everything generated is removed after.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close as closePagefind } from 'pagefind';
import { indexSite } from '../src/index/index-site.ts';
import { folderKey } from '../src/util/folder-key.ts';
import { projectRoot } from '../src/util/paths.ts';
import { astroBaselineCaches, astroBaselineItem, writeAstroBaseline } from './baseline-astro.ts';
import { countFiles, treeBytes } from './file-tree.ts';
import { ensureHugo, hugoBaselineCaches, hugoBaselineItem, hugoCommand, writeHugoBaseline } from './baseline-hugo.ts';
import { generatePlatform, type PlatformShape } from './generate-platform.ts';
import { measureCommand, type Measured } from './measure-command.ts';

/** Resolves once no replaced output is left under `outRoot` (at most a minute). */
async function discardedRemoved(outRoot: string): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (!existsSync(outRoot) || !readdirSync(outRoot).some((name) => name.startsWith('.discarded-'))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const SYSTEMS = ['govsite', 'astro', 'hugo'] as const;
export type SystemId = (typeof SYSTEMS)[number];
/** The fixed build time: output is the same on every run, as in the tests. */
export const BENCH_NOW = '2026-11-22 10:00';

export interface BuildFigures {
  cold: number[];
  noChange: number[];
  edit: number[];
  /** An edit of the same item's title, which the lists show too (absent in results of older runs). */
  titleEdit?: number[];
  /** Peak RSS of the process tree in each cold build. */
  peakBytes: number[];
  pages: number;
  outputBytes: number;
  /** govsite only: the sites' own build times from the build summary (sum > wall time = parallel). */
  siteSeconds?: number[];
}

export interface SizeResult {
  /** Synthetic items, on top of the demo platform's own. */
  size: number;
  items: number;
  sites: number;
  /** The site holding every synthetic item, when the bench ran with --one-site. */
  intoSite?: string;
  builds: Partial<Record<SystemId, BuildFigures>>;
  check?: { full: number[]; oneFile: number[] };
  index?: { seconds: number[]; pages: number };
  hugoVersion?: string;
}

interface System {
  id: SystemId;
  command: string[];
  cwd: string;
  out: string;
  /** What a cold build must not find: output and every cache. */
  caches: string[];
  /** The item file edited for the one-item-edit rebuild, and the page showing it. */
  editFile: string;
  editPage: string;
}

// Astro's telemetry off for the baseline too, as govsite runs Astro (no network in the bench).
const env = { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };

/** govsite keeps per-root state in <root>/.cache and in project .cache folders named with the root's hash. */
function govsiteCaches(root: string, out: string): string[] {
  const key = folderKey(root);
  const found = [out, path.join(root, '.cache'), path.join(root, 'reports')];
  const projectCache = path.join(projectRoot, '.cache');
  for (const group of existsSync(projectCache) ? readdirSync(projectCache) : []) {
    if (group === 'bench') continue;
    const dir = path.join(projectCache, group);
    if (group.includes(key)) found.push(dir);
    else for (const name of readdirSync(dir)) if (name.includes(key)) found.push(path.join(dir, name));
  }
  return found;
}

/** `content/<site>/<column>/<slug>.mdx` or `…/<slug>/index.mdx` → `<site>/<column>/<slug>/index.html`. */
function pageOf(relativeItem: string): string {
  return `${relativeItem.replace(/(\/index)?\.mdx$/, '')}/index.html`;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export { median };

function siteSeconds(stdout: string): number[] {
  return [...stdout.matchAll(/^\S+\s+成功\s+\d+\s+\d+\s+([\d.]+)s$/gm)].map((m) => Number(m[1]));
}

function appendEdit(file: string, marker: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${marker}\n`);
}

/** Adds `suffix` to the item's title (front matter `title:`, quoted or not). */
function retitle(file: string, suffix: string): void {
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^(title: ?)(['"]?)(.*?)\2$/m, (_line, key: string, quote: string, title: string) => `${key}${quote}${title}${suffix}${quote}`);
  if (edited === text) throw new Error(`${file}: no title line to edit`);
  writeFileSync(file, edited);
}

type Log = (line: string) => void;

/** The systems to build: govsite, and the Astro and Hugo baselines when asked for and available. */
function benchSystems(root: string, work: string, astroDir: string, editItem: string, wanted: SystemId[], log: Log): { systems: System[]; hugoVersion?: string } {
  const contentDir = path.join(root, 'content');
  const systems: System[] = [];
  const govsiteOut = path.join(work, 'govsite-dist');
  if (wanted.includes('govsite')) {
    systems.push({
      id: 'govsite',
      command: [process.execPath, path.join(projectRoot, 'src/cli/main.ts'), 'build', '--root', root, '--out', govsiteOut, '--now', BENCH_NOW],
      cwd: projectRoot,
      out: govsiteOut,
      caches: [],
      editFile: path.join(contentDir, editItem),
      editPage: path.join(govsiteOut, pageOf(editItem)),
    });
  }
  if (wanted.includes('astro')) {
    mkdirSync(astroDir, { recursive: true });
    writeAstroBaseline(root, astroDir);
    systems.push({
      id: 'astro',
      // Astro's programmatic build() (as govsite's own render): the `astro` CLI refuses the pinned
      // Node 22.23.3 (Astro 7.4.2 declares >=22.23.4, which the registry's node package lacks).
      command: [process.execPath, path.join(astroDir, 'build.mjs')],
      cwd: astroDir,
      out: path.join(astroDir, 'dist'),
      caches: astroBaselineCaches(astroDir),
      editFile: astroBaselineItem(astroDir, editItem),
      editPage: path.join(astroDir, 'dist', pageOf(editItem)),
    });
  }
  let hugoVersion: string | undefined;
  if (wanted.includes('hugo')) {
    hugoVersion = ensureHugo();
    if (!hugoVersion) log('hugo not found and not installable: Hugo baseline skipped');
    else {
      const hugoDir = path.join(work, 'hugo');
      writeHugoBaseline(root, hugoDir);
      systems.push({
        id: 'hugo',
        command: hugoCommand(hugoDir),
        cwd: hugoDir,
        out: path.join(hugoDir, 'public'),
        caches: hugoBaselineCaches(hugoDir),
        editFile: hugoBaselineItem(hugoDir, editItem),
        editPage: path.join(hugoDir, 'public', pageOf(editItem)),
      });
    }
  }
  return { systems, hugoVersion };
}

/** Cold, no-change, body-edit and title-edit builds of each system, `runs` times. */
async function measureBuilds(root: string, systems: System[], runs: number, govsiteOut: string, log: Log): Promise<SizeResult['builds']> {
  const builds: SizeResult['builds'] = {};
  for (const system of systems) builds[system.id] = { cold: [], noChange: [], edit: [], titleEdit: [], peakBytes: [], pages: 0, outputBytes: 0, ...(system.id === 'govsite' && { siteSeconds: [] }) };
  const run = async (system: System, phase: string): Promise<Measured> => {
    const measured = await measureCommand(system.command, { cwd: system.cwd, env });
    // A build deletes the output it replaced in the background (src/publish/swap-directory.ts):
    // the next run starts once that is done, so it neither shares the disk nor races the cleanup.
    if (system.id === 'govsite') await discardedRemoved(govsiteOut);
    log(`${system.id.padEnd(8)} ${phase.padEnd(10)} ${measured.seconds.toFixed(1).padStart(7)} s  peak ${(measured.peakBytes / 2 ** 20).toFixed(0)} MiB`);
    return measured;
  };

  for (let r = 1; r <= runs; r++) {
    for (const system of systems) {
      const caches = system.id === 'govsite' ? govsiteCaches(root, govsiteOut) : system.caches;
      for (const dir of caches) rmSync(dir, { recursive: true, force: true });
      const cold = await run(system, `cold #${r}`);
      const figures = builds[system.id]!;
      figures.cold.push(cold.seconds);
      figures.peakBytes.push(cold.peakBytes);
      figures.pages = countFiles(system.out, '.html');
      figures.outputBytes = treeBytes(system.out);
      if (figures.siteSeconds) figures.siteSeconds.push(siteSeconds(cold.stdout).reduce((a, b) => a + b, 0));
    }
    for (const system of systems) builds[system.id]!.noChange.push((await run(system, `no-change #${r}`)).seconds);
    for (const system of systems) {
      const marker = `本文于第${r}轮基准测试中修改（${system.id}）。`;
      appendEdit(system.editFile, marker);
      builds[system.id]!.edit.push((await run(system, `edit #${r}`)).seconds);
      // The edit must be published, or the rebuild's time means nothing.
      if (!readFileSync(system.editPage, 'utf8').includes(marker)) throw new Error(`${system.id}: the edited item's page ${system.editPage} does not show the edit`);
    }
    // A title, unlike a body, is on the lists too: the pages showing it are rendered again.
    for (const system of systems) {
      const suffix = `（第${r}轮修订）`;
      retitle(system.editFile, suffix);
      (builds[system.id]!.titleEdit ??= []).push((await run(system, `title #${r}`)).seconds);
      if (!readFileSync(system.editPage, 'utf8').includes(suffix)) throw new Error(`${system.id}: the edited item's page ${system.editPage} does not show the new title`);
    }
  }
  return builds;
}

/** issue 5: the full check, and an editor's check of the one edited file (after a full check, as in use). */
async function measureChecks(root: string, editFile: string, runs: number, log: Log): Promise<NonNullable<SizeResult['check']>> {
  const check = { full: [] as number[], oneFile: [] as number[] };
  const base = [process.execPath, path.join(projectRoot, 'src/cli/main.ts'), 'check', '--root', root, '--now', BENCH_NOW];
  for (let r = 1; r <= runs; r++) {
    const full = await measureCommand(base, { cwd: projectRoot, env });
    check.full.push(full.seconds);
    const one = await measureCommand([...base, '--files', editFile], { cwd: projectRoot, env });
    check.oneFile.push(one.seconds);
    log(`check    full ${full.seconds.toFixed(1)} s, one file ${one.seconds.toFixed(2)} s`);
  }
  return check;
}

/** issue 7: the search index of the built output, as the build makes it (all sites, one after another). */
async function measureIndex(govsiteOut: string, runs: number, log: Log): Promise<NonNullable<SizeResult['index']>> {
  const index = { seconds: [] as number[], pages: 0 };
  for (let r = 1; r <= runs; r++) {
    let seconds = 0;
    let pages = 0;
    for (const site of readdirSync(govsiteOut)) {
      if (!existsSync(path.join(govsiteOut, site, 'pagefind'))) continue;
      const started = performance.now();
      const indexed = await indexSite(path.join(govsiteOut, site), { searchKeys: true });
      seconds += (performance.now() - started) / 1000;
      if (indexed.errors.length) throw new Error(indexed.errors.join('\n'));
      pages += indexed.pages;
    }
    index.seconds.push(seconds);
    index.pages = pages;
    log(`index    ${pages} pages in ${seconds.toFixed(1)} s`);
  }
  await closePagefind();
  return index;
}

export async function benchSize(size: number, options: { runs: number; systems: SystemId[]; shape?: PlatformShape; keep: boolean }): Promise<SizeResult> {
  const work = mkdtempSync(path.join(tmpdir(), `govsite-bench-${size}-`));
  // The Astro baseline must sit inside the project, where node_modules resolves astro.
  const astroDir = path.join(projectRoot, '.cache', 'bench', `astro-${size}-${path.basename(work)}`);
  const log = (line: string) => console.log(`[${size}] ${line}`);
  try {
    const root = path.join(work, 'platform');
    const files = generatePlatform(root, size, options.shape);
    const contentDir = path.join(root, 'content');
    const sites = readdirSync(contentDir).length;
    const items = countFiles(contentDir, '.mdx');
    // An older item in the middle of the range: a typical correction to a published item.
    const editItem = path.relative(contentDir, files[Math.floor(files.length / 2)]!);
    log(`generated ${items} items in ${sites} sites (${size} synthetic${options.shape?.intoSite ? ` in ${options.shape.intoSite}` : ''}); edited item: ${editItem}`);

    const { systems, hugoVersion } = benchSystems(root, work, astroDir, editItem, options.systems, log);
    const govsiteOut = path.join(work, 'govsite-dist');
    const builds = await measureBuilds(root, systems, options.runs, govsiteOut, log);
    const result: SizeResult = { size, items, sites, intoSite: options.shape?.intoSite, builds, hugoVersion };
    if (options.systems.includes('govsite')) {
      result.check = await measureChecks(root, path.join(contentDir, editItem), options.runs, log);
      result.index = await measureIndex(govsiteOut, options.runs, log);
    }
    return result;
  } finally {
    if (options.keep) console.log(`kept ${work} and ${astroDir}`);
    else {
      rmSync(work, { recursive: true, force: true });
      rmSync(astroDir, { recursive: true, force: true });
      const root = path.join(work, 'platform');
      for (const dir of govsiteCaches(root, path.join(work, 'govsite-dist'))) rmSync(dir, { recursive: true, force: true });
    }
  }
}
