// govsite's one command-line entry; npm scripts call it (npm run build / dev / validate / check …).
//
// Loading the commands' modules takes about 0.2 s (measured 2026-12-03), so three things come
// first, and every other module is imported after them:
// - the project's module caches (src/util/module-caches.ts): Node's compile cache and the
//   stripped TypeScript;
// - a build whose content changed where a render looks (front-matter-stamps.ts) starts its Astro
//   process now, on the core that would otherwise wait for this one (astro-process.ts). A build
//   that renders nothing (nothing changed, a body patched: body-patch.ts) starts none here: one
//   started for every build took a core from those builds. GOVSITE_NO_EARLY_ASTRO leaves the
//   start to buildPlatform, as before (to measure the one against the other).
import path from 'node:path';
import { enableModuleCaches } from '../util/module-caches.ts';

enableModuleCaches();

const args = process.argv.slice(2);
let stampsSaved: Promise<void> | undefined;
const [{ parseArgs }, { CLI_OPTIONS }] = await Promise.all([import('node:util'), import('./cli-options.ts')]);
const { values, positionals } = parseArgs({ args, options: CLI_OPTIONS, strict: false, allowPositionals: true });
if (positionals[0] === 'build' && !values.help && !process.env.GOVSITE_NO_EARLY_ASTRO) {
  const [{ renderLikely }, { setRenderFolders, startAstroAhead }] = await Promise.all([import('../build/front-matter-stamps.ts'), import('../build/astro-process.ts')]);
  const root = path.resolve(typeof values.root === 'string' ? values.root : process.cwd());
  setRenderFolders({ root, outRoot: typeof values.out === 'string' ? path.resolve(values.out) : path.join(root, 'dist') });
  const probe = renderLikely(root);
  stampsSaved = probe.saved;
  if (probe.likely || values.force) startAstroAhead();
}
const { runCommand } = await import('./commands.ts');
try {
  await runCommand(args);
  await stampsSaved;
} catch (error) {
  // A fault of the platform, never of one file (those are diagnostics): said without a stack
  // trace, the machine's environment or its files (scrub-machine-data.ts).
  const { scrubMachineData } = await import('../diagnostics/scrub-machine-data.ts');
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`govsite 出错（不是内容问题，请联系平台技术人员）：${scrubMachineData(message, path.resolve(typeof values.root === 'string' ? values.root : process.cwd()))}\n`);
  process.exitCode = 2;
}
