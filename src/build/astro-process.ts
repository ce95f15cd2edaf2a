// The process each site's Astro build runs in (astro-worker.ts). Loading Astro's modules takes
// about a second of each build here, before Astro reads anything of the site: in an edit's
// rebuild that is a second of the editor's wait. So one process is started ahead, by
// buildPlatform as soon as the check finds a render likely (an item's front matter changed, an
// item new or gone, no item cache), and loads Astro while the platform is checked and the site's
// cache keys are computed; the first site that needs Astro is given it. The others start their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { AstroSiteMessage } from './astro-worker.ts';
import { projectRoot } from '../util/paths.ts';
import { onInterrupt } from '../util/run-lock.ts';

// Through its entry, which turns the module caches on first (astro-worker-entry.ts).
const WORKER = path.join(projectRoot, 'src/build/astro-worker-entry.ts');

let spare: { child: ChildProcess; folders: RenderFolders } | undefined;
let platformFolders: RenderFolders | undefined;

/** The platform folder (`--root`) and the output folder (`--out`) a render process works in. */
export interface RenderFolders {
  root: string;
  outRoot: string;
}

/** Tells the processes started ahead which platform they will render (the CLI knows before any site does). */
export function setRenderFolders(folders: RenderFolders): void {
  platformFolders = { root: path.resolve(folders.root), outRoot: path.resolve(folders.outRoot) };
}

// Only what Node, Astro and the render need: a deploy token or any other secret of the pipeline's
// environment never reaches the process that compiles content (SECURITY.md).
const PASSED_ENV = /^(?:PATH|LANG|LANGUAGE|LC_\w+|TZ|TMPDIR|TEMP|TMP|TERM|NO_COLOR|FORCE_COLOR|NODE_COMPILE_CACHE|GOVSITE_\w+)$/;

/**
 * The environment of an Astro process: the allowlisted variables only. Astro's telemetry is off:
 * left on, each build runs `git` for its project details and posts an event to
 * telemetry.astro.build, and a build must not use the network (nor wait on it).
 */
export function astroWorkerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const passed: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) if (PASSED_ENV.test(key)) passed[key] = value;
  // A home of its own: the user's dotfiles stay out of reach (Astro reads its global preferences there).
  return { ...passed, HOME: path.join(projectRoot, '.cache', 'render-home'), ASTRO_TELEMETRY_DISABLED: '1' };
}

/**
 * Node's permission model for the render (defence in depth, SECURITY.md): files read only from
 * the project (templates, plugins, node_modules), the platform folder and the site's staging
 * folders; written only to the caches and the staging folders (`<out>/.building-<site>…`), never
 * to a published site. Native addons are allowed: Sharp and Rolldown are addons. Child processes
 * are allowed because Astro runs esbuild as one; the process itself then allows that one start
 * only (render-sandbox.ts). No worker threads, no inspector, no process.binding.
 */
export function renderPermissions(folders: RenderFolders): string[] {
  const staging = `${path.join(folders.outRoot, '.building-')}*`;
  const read = [projectRoot, folders.root, staging, ...viteProbes(projectRoot)];
  const write = [path.join(projectRoot, '.cache'), path.join(folders.root, '.cache'), staging];
  // Node grants a folder's contents only when the folder exists as the process starts.
  for (const folder of write.slice(0, 2)) mkdirSync(folder, { recursive: true });
  return ['--permission', ...read.map((p) => `--allow-fs-read=${p}`), ...write.map((p) => `--allow-fs-write=${p}`), '--allow-addons', '--allow-child-process', '--disable-warning=SecurityWarning'];
}

/**
 * Files Vite looks for outside the project when it starts, each only tested for existence or
 * read for a `workspaces` key: whether it runs under WSL, and the workspace root above the
 * project (searchForWorkspaceRoot). Granted by name, so the render can read nothing else there.
 */
function viteProbes(project: string): string[] {
  const probes = ['/proc/sys/fs/binfmt_misc/WSLInterop', '/run/WSL'];
  for (let dir = path.dirname(project); ; dir = path.dirname(dir)) {
    for (const name of ['pnpm-workspace.yaml', 'lerna.json', 'package.json', 'deno.json', 'deno.jsonc']) probes.push(path.join(dir, name));
    if (dir === path.dirname(dir)) break;
  }
  return probes;
}

function sameFolders(a: RenderFolders, b: RenderFolders): boolean {
  return a.root === b.root && a.outRoot === b.outRoot;
}

/** The render processes running now: an interrupted run stops them before it gives its site locks back (run-lock.ts). */
const running = new Set<ChildProcess>();
onInterrupt(() => {
  for (const child of running) child.kill('SIGKILL');
});

function startWorker(env: NodeJS.ProcessEnv, cwd: string | undefined, ipc: boolean, folders: RenderFolders): ChildProcess {
  const child = spawn(process.execPath, [...renderPermissions(folders), WORKER], { cwd, env: astroWorkerEnv(env), stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? (['ipc'] as const) : [])] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}

/** Starts the process taken by the next astroProcess() call, unless one is waiting already. */
export function startAstroAhead(): ChildProcess | undefined {
  if (spare && spare.child.exitCode === null && spare.child.connected) return spare.child;
  // Its permissions name the folders: without them no process is started ahead.
  if (!platformFolders) return undefined;
  spare = { child: startWorker({ ...process.env, GOVSITE_ASTRO_AHEAD: '1' }, undefined, true, platformFolders), folders: platformFolders };
  const child = spare.child;
  // Waiting, it must not keep this process alive (its pipes are not read until it is taken: it
  // writes nothing meanwhile).
  child.unref();
  child.channel?.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as Socket | null)?.unref();
  return child;
}

/** Ends the process started ahead if no site took it. */
export function stopAstroAhead(): void {
  spare?.child.kill();
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
  const folders: RenderFolders = { root: path.resolve(env.GOVSITE_CONTENT_ROOT!), outRoot: path.dirname(path.resolve(env.GOVSITE_OUT_DIR!)) };
  const ready = spare && sameFolders(spare.folders, folders) ? spare.child : undefined;
  if (!ready) spare?.child.kill();
  spare = undefined;
  if (ready && ready.exitCode === null && ready.connected) {
    ready.ref();
    for (const stream of [ready.stdout, ready.stderr]) (stream as Socket | null)?.ref();
    ready.send({ cwd, env } satisfies AstroSiteMessage);
    return { child: ready, ahead: true };
  }
  ready?.kill();
  return { child: startWorker({ ...process.env, ...env }, cwd, false, folders), ahead: false };
}
