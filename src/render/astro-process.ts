// The process each site's Astro build runs in (astro-worker.ts): started once the site is known
// to need Astro, one per site, from this one place (build-site.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../util/paths.ts';
import { onInterrupt } from '../util/run-lock.ts';

// Through its entry, which installs the child-process guard first (astro-worker-entry.ts).
const WORKER = path.join(projectRoot, 'src/render/astro-worker-entry.ts');

/** The platform folder (`--root`), the output folder (`--out`) and the site a render process works on. */
export interface RenderFolders {
  root: string;
  outRoot: string;
  siteId: string;
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
 * folders; written only to the caches and this site's staging folders (`<out>/.building-<site>`…),
 * never to a published site or another site's staging. Native addons are allowed: Sharp and Rolldown are addons. No child
 * process (Astro needs none since 7.4, which dropped esbuild; render-sandbox.ts refuses them
 * again), no worker threads, no inspector, no process.binding.
 */
export function renderPermissions(folders: RenderFolders): string[] {
  // This site's staging folder, the folder of a partial render and the site data file: exact
  // paths, not a prefix, which would take in another site whose id starts the same.
  const base = path.join(folders.outRoot, `.building-${folders.siteId}`);
  const staging = [base, `${base}/*`, `${base}.rendered`, `${base}.rendered/*`, `${base}.json`];
  const read = [projectRoot, folders.root, ...staging, ...viteProbes(projectRoot)];
  const write = [path.join(projectRoot, '.cache'), path.join(folders.root, '.cache'), ...staging];
  // Node grants a folder's contents only when the folder exists as the process starts.
  for (const folder of write.slice(0, 2)) mkdirSync(folder, { recursive: true });
  return ['--permission', ...read.map((p) => `--allow-fs-read=${p}`), ...write.map((p) => `--allow-fs-write=${p}`), '--allow-addons', '--disable-warning=SecurityWarning'];
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

/** The render processes running now: an interrupted run stops them before it gives its site locks back (run-lock.ts). */
const running = new Set<ChildProcess>();
onInterrupt(() => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * A new process building the site of `env` with `cwd` as its working folder. Its standard output
 * and error are pipes.
 */
export function astroProcess(cwd: string, env: Record<string, string>): ChildProcess {
  const folders: RenderFolders = { root: path.resolve(env.GOVSITE_CONTENT_ROOT!), outRoot: path.dirname(path.resolve(env.GOVSITE_OUT_DIR!)), siteId: env.GOVSITE_SITE! };
  const child = spawn(process.execPath, [...renderPermissions(folders), WORKER], { cwd, env: astroWorkerEnv({ ...process.env, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  return child;
}
