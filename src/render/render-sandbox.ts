// The render process's second line of defence (SECURITY.md): if code from content ever ran in
// it despite the compile's refusal (plugins/mdx-data-only.ts), it could start no program.
// Node's permission model (astro-process.ts renderPermissions) limits the files it reads and
// writes but must allow child processes: Astro's import.meta.env plugin runs esbuild, a native
// program, as a child service. So the process allows exactly that: one start of esbuild's service
// from the project's node_modules; every other start, and every synchronous one, is refused.
import childProcess, { ChildProcess } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../util/paths.ts';

/** esbuild's long-lived service, as its JS API starts it: `<node_modules>/…/esbuild --service=<version> --ping`. */
export function isEsbuildService(file: string, args: readonly string[]): boolean {
  const modules = `${path.join(projectRoot, 'node_modules')}${path.sep}`;
  return path.basename(file) === 'esbuild' && path.resolve(file).startsWith(modules) && args.length === 2 && /^--service=[\d.]+$/.test(args[0]!) && args[1] === '--ping';
}

function denied(what: string): Error {
  return Object.assign(new Error(`渲染进程不能启动其他程序（${path.basename(what)}）`), { code: 'ERR_ACCESS_DENIED' });
}

type SpawnOptions = { file: string; args?: string[] };
/** Node's internal method behind every asynchronous start (lib/internal/child_process.js); @types/node leaves it out. */
type SpawningChildProcess = ChildProcess & { spawn(options: SpawnOptions): unknown };
const SYNC_AND_SHELL = ['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawnSync'] as const;

export function restrictChildProcesses(): void {
  let serviceStarted = false;
  const prototype = ChildProcess.prototype as SpawningChildProcess;
  const spawn = prototype.spawn;
  // Every asynchronous start (spawn, exec, execFile, fork, cluster) goes through this method.
  prototype.spawn = function guardedSpawn(this: ChildProcess, options: SpawnOptions) {
    if (serviceStarted || !isEsbuildService(options.file, (options.args ?? []).slice(1))) throw denied(options.file);
    serviceStarted = true;
    return spawn.call(this, options);
  };
  const exports = childProcess as unknown as Record<string, unknown>;
  for (const name of SYNC_AND_SHELL) {
    exports[name] = () => {
      throw denied(name);
    };
  }
  // `import { execSync } from 'node:child_process'` reads the same, replaced functions.
  syncBuiltinESMExports();
}
