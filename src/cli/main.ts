// govsite's one command-line entry; npm scripts call it (npm run build / dev / validate / check …).
//
// Node's compile cache (a public API: module.enableCompileCache) is turned on first, in the
// project's .cache/node-compile/; the Astro process inherits it through NODE_COMPILE_CACHE. The
// commands' modules are imported after it, by the command that runs them (commands.ts).
import path from 'node:path';
import { enableCompileCache } from '../util/compile-cache.ts';

enableCompileCache();

const args = process.argv.slice(2);
const [{ parseArgs }, { CLI_OPTIONS }] = await Promise.all([import('node:util'), import('./cli-options.ts')]);
const { values } = parseArgs({ args, options: CLI_OPTIONS, strict: false, allowPositionals: true });
const { runCommand } = await import('./commands.ts');
try {
  await runCommand(args);
} catch (error) {
  // A fault of the platform, never of one file (those are diagnostics): said without a stack
  // trace, the machine's environment or its files (scrub-machine-data.ts).
  const { scrubMachineData } = await import('../diagnostics/scrub-machine-data.ts');
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`govsite 出错（不是内容问题，请联系平台技术人员）：${scrubMachineData(message, path.resolve(typeof values.root === 'string' ? values.root : process.cwd()))}\n`);
  process.exitCode = 2;
}
