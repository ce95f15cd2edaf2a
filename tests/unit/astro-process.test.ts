// The Astro process started ahead (src/build/astro-process.ts): it loads Astro before its site is
// known, is given the site in one message, and builds it as a process started for it would; a
// second site gets a process of its own; one nobody takes is ended.
import { spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AstroTelemetry } from '@astrojs/telemetry';
import { AHEAD_MODULES, type AstroWarmedMessage } from '../../src/build/astro-ahead-modules.ts';
import { astroProcess, astroWorkerEnv, setRenderFolders, startAstroAhead, stopAstroAhead } from '../../src/build/astro-process.ts';
import { projectRoot } from '../../src/util/paths.ts';

afterEach(() => stopAstroAhead());

function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

// A content root without the site: Astro starts, reads the env it was given, and fails on it.
const env = (root: string) => ({ GOVSITE_SITE: 'missing-site', GOVSITE_CONTENT_ROOT: root, GOVSITE_OUT_DIR: path.join(root, 'out'), GOVSITE_NOW: '2026-11-22 10:00', GOVSITE_DATA_FILE: path.join(root, 'missing.json') });

/**
 * Runs the CLI's `command` on a platform with no site, tracing it (tests/helpers/trace-start.mjs):
 * the child processes it spawned and the project modules it loaded, in order.
 */
function tracedCommand(command: string): { cli: SpawnSyncReturns<string>; lines: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'govsite-astro-early-'));
  mkdirSync(path.join(root, 'sites'));
  mkdirSync(path.join(root, 'content'));
  const log = path.join(root, 'trace.log');
  try {
    const cli = spawnSync(process.execPath, ['--import', path.join(projectRoot, 'tests/helpers/trace-start.mjs'), path.join(projectRoot, 'src/cli/main.ts'), command, '--root', root], {
      encoding: 'utf8',
      env: { ...process.env, TRACE_START_LOG: log },
    });
    expect(cli.status, cli.stderr).toBe(0);
    // This process's lines, without their process id.
    const lines = readFileSync(log, 'utf8').trim().split('\n').filter((line) => line.startsWith(`${cli.pid} `)).map((line) => line.slice(`${cli.pid} `.length));
    return { cli, lines };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the Astro process started ahead', () => {
  it('is taken by the first site only, and runs that site’s build in the folder it is given', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'govsite-astro-ahead-'));
    // Its permissions name the folders of the site it is given (GOVSITE_OUT_DIR is <root>/out).
    setRenderFolders({ root, outRoot: root });
    startAstroAhead();
    const first = astroProcess(root, env(root));
    const second = astroProcess(root, env(root));
    expect(first.ahead).toBe(true);
    expect(second.ahead).toBe(false);
    const [a, b] = await Promise.all([ended(first.child), ended(second.child)]);
    // Both fail the same way, on the data file of the env they were given, and say so in the line the build parses.
    for (const result of [a, b]) {
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('GOVSITE_BUILD_ERROR');
      expect(result.stderr).toContain('missing.json');
    }
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('is ended when no site takes it', async () => {
    setRenderFolders({ root: tmpdir(), outRoot: tmpdir() });
    const spare = startAstroAhead()!;
    const end = ended(spare);
    stopAstroAhead();
    expect((await end).signal).toBe('SIGTERM');
  }, 60_000);

  it('runs Astro with its telemetry off: a build posts nothing to telemetry.astro.build', () => {
    // Astro's own telemetry object, reading the environment the process is started with.
    const telemetry = new AstroTelemetry({ astroVersion: '7', viteVersion: '8' });
    // Not the user's ~/.config/astro, where `astro telemetry disable` may have been run.
    telemetry.config = { get: () => true, set: () => {} } as unknown as typeof telemetry.config;
    telemetry.env = astroWorkerEnv({ PATH: process.env.PATH });
    expect(telemetry.isDisabled).toBe(true);
    telemetry.env = { PATH: process.env.PATH };
    expect(telemetry.isDisabled).toBe(false);
  });

  it('loads, while it waits, the modules the build would load after Astro’s own, and says so', async () => {
    setRenderFolders({ root: tmpdir(), outRoot: tmpdir() });
    const spare = startAstroAhead()!;
    const message = await new Promise<AstroWarmedMessage>((resolve) => spare.once('message', resolve));
    // Every one of them loads: a renamed package or moved file would fail here, not cost time silently.
    expect(message.warmed).toEqual(AHEAD_MODULES);
    expect(AHEAD_MODULES).toEqual(expect.arrayContaining(['@astrojs/mdx', '../../plugins/astro-govsite/index.ts', 'postcss']));
  }, 60_000);

  it('is not started by a build with no site to build', () => {
    const { cli, lines } = tracedCommand('build');
    expect(cli.stdout).toContain('没有需要构建的站点');
    expect(lines.some((line) => /astro-worker(-entry)?\.ts/.test(line))).toBe(false);
  }, 60_000);

  it('ends by itself when the process that started it ends before a site takes it', async () => {
    // A parent that starts one and exits at once, as a build that fails after starting it would.
    const module = pathToFileURL(path.join(projectRoot, 'src/build/astro-process.ts')).href;
    const parent = spawnSync(process.execPath, ['--input-type=module', '-e', `import { setRenderFolders, startAstroAhead } from ${JSON.stringify(module)}; setRenderFolders({ root: ${JSON.stringify(tmpdir())}, outRoot: ${JSON.stringify(tmpdir())} }); process.stdout.write(String(startAstroAhead().pid));`], { encoding: 'utf8' });
    expect(parent.status, parent.stderr).toBe(0);
    const pid = Number(parent.stdout);
    expect(pid).toBeGreaterThan(0);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 45_000;
    while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(alive()).toBe(false);
  }, 60_000);

  it('is not started by the other commands', () => {
    const { lines } = tracedCommand('validate');
    expect(lines.some((line) => /astro-worker(-entry)?\.ts/.test(line))).toBe(false);
  }, 60_000);
});
