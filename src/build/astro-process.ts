// The process each site's Astro build runs in (astro-worker.ts). Loading Astro's modules takes
// about a second of each build here, before Astro reads anything of the site: in an edit's
// rebuild that is a second of the editor's wait. So one process is started ahead, by
// buildPlatform as soon as the check finds a render likely (an item's front matter changed, an
// item new or gone, no item cache), and loads Astro while the platform is checked and the site's
// cache keys are computed; the first site that needs Astro is given it. The others start their own.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { AstroSiteMessage } from './astro-worker.ts';
import { projectRoot } from '../util/paths.ts';

// Through its entry, which turns the module caches on first (astro-worker-entry.ts).
const WORKER = path.join(projectRoot, 'src/build/astro-worker-entry.ts');

let spare: ChildProcess | undefined;

/**
 * The environment of an Astro process. Astro's telemetry is off: left on, each build runs `git`
 * for its project details and posts an event to telemetry.astro.build, and a build must not use
 * the network (nor wait on it: about 0.2 s of every partial render here).
 */
export function astroWorkerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}

function startWorker(env: NodeJS.ProcessEnv, cwd: string | undefined, ipc: boolean): ChildProcess {
  return spawn(process.execPath, [WORKER], { cwd, env: astroWorkerEnv(env), stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])] });
}

/** Starts the process taken by the next astroProcess() call, unless one is waiting already. */
export function startAstroAhead(): ChildProcess {
  if (spare && spare.exitCode === null && spare.connected) return spare;
  spare = startWorker({ ...process.env, GOVSITE_ASTRO_AHEAD: '1' }, undefined, true);
  // Waiting, it must not keep this process alive (its pipes are not read until it is taken: it
  // writes nothing meanwhile).
  spare.unref();
  spare.channel?.unref();
  for (const stream of [spare.stdout, spare.stderr]) (stream as Socket | null)?.unref();
  return spare;
}

/** Ends the process started ahead if no site took it. */
export function stopAstroAhead(): void {
  spare?.kill();
  spare = undefined;
}

export interface AstroProcess {
  child: ChildProcess;
  /** It was started ahead (startAstroAhead), with Astro loaded before its site was known. */
  ahead: boolean;
}

/**
 * A process building the site of `env` with `cwd` as its working folder: the one started ahead
 * when there is one, else a new one. Its standard output and error are pipes.
 */
export function astroProcess(cwd: string, env: Record<string, string>): AstroProcess {
  const ready = spare;
  spare = undefined;
  if (ready && ready.exitCode === null && ready.connected) {
    ready.ref();
    for (const stream of [ready.stdout, ready.stderr]) (stream as Socket | null)?.ref();
    ready.send({ cwd, env } satisfies AstroSiteMessage);
    return { child: ready, ahead: true };
  }
  ready?.kill();
  return { child: startWorker({ ...process.env, ...env }, cwd, false), ahead: false };
}
