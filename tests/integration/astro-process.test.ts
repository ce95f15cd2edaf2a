// The Astro process (src/render/astro-process.ts): one per site that renders, started from one
// place, with the site in its environment; telemetry off; none for a command that renders nothing.
import { spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstroTelemetry } from '@astrojs/telemetry';
import { astroProcess, astroWorkerEnv } from '../../src/render/astro-process.ts';
import { projectRoot } from '../../src/util/paths.ts';

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

describe('the Astro process', () => {
  it('runs the build of the site its environment names, in the folder it is given', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'govsite-astro-process-'));
    const result = await ended(astroProcess(root, env(root)));
    // It fails on the data file of the env it was given, and says so in the line the build parses.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GOVSITE_BUILD_ERROR');
    expect(result.stderr).toContain('missing.json');
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('runs Astro with its telemetry off: a build posts nothing to telemetry.astro.build', () => {
    // Astro's own telemetry object, reading the environment the process is started with.
    const telemetry = new AstroTelemetry({ astroVersion: '7', viteVersion: '8' });
    // Not the user's ~/.config/astro, where `astro telemetry disable` may have been run.
    // Its private members, reached by index (which TypeScript allows for private ones).
    telemetry['config'] = { get: () => true, set: () => {} };
    telemetry['env'] = astroWorkerEnv({ PATH: process.env.PATH });
    expect(telemetry['isDisabled']).toBe(true);
    telemetry['env'] = { PATH: process.env.PATH };
    expect(telemetry['isDisabled']).toBe(false);
  });

  it('is not started by a build with no site to build', () => {
    const { cli, lines } = tracedCommand('build');
    expect(cli.stdout).toContain('没有需要构建的站点');
    expect(lines.some((line) => /astro-worker(-entry)?\.ts/.test(line))).toBe(false);
  }, 60_000);

  it('is not started by the other commands', () => {
    const { lines } = tracedCommand('validate');
    expect(lines.some((line) => /astro-worker(-entry)?\.ts/.test(line))).toBe(false);
  }, 60_000);
});
