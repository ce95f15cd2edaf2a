// The render process's second line of defence (SECURITY.md): if code from content ever ran in
// it despite the compile's refusal (plugins/mdx-data-only.ts), it could start no program. Node's
// permission model (astro-process.ts renderPermissions) already refuses child processes: the
// render is not granted `--allow-child-process` (Astro 7.4 replaced its one child, esbuild's
// service, with Vite's own Oxc transform). This guard refuses them again, by hand, so that a
// later change to the flags alone does not open the door: every start, asynchronous or
// synchronous, throws ERR_ACCESS_DENIED.
import childProcess, { ChildProcess } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

function denied(what: string): Error {
  return Object.assign(new Error(`渲染进程不能启动其他程序（${path.basename(what)}）`), { code: 'ERR_ACCESS_DENIED' });
}

type SpawnOptions = { file: string; args?: string[] };
/** Node's internal method behind every asynchronous start (lib/internal/child_process.js); @types/node leaves it out. */
type SpawningChildProcess = ChildProcess & { spawn(options: SpawnOptions): unknown };
const SYNC_AND_SHELL = ['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawnSync'] as const;

export function restrictChildProcesses(): void {
  // Every asynchronous start (spawn, exec, execFile, fork, cluster) goes through this method.
  const prototype = ChildProcess.prototype as SpawningChildProcess;
  prototype.spawn = function guardedSpawn(options: SpawnOptions) {
    throw denied(options.file);
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
