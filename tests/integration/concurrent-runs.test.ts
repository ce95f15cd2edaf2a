// Concurrent runs in one checkout (issue 24, src/util/run-lock.ts). Before the site locks, two
// builds started together collided: one died with `ENOTEMPTY … rmdir dist/.building-<site>`, the
// other failed a site with false HEALTH-05 errors (its _astro/ files removed by the first).
// Now the second waits for the first, naming it, and both succeed with the bytes of one build;
// a check during a build leaves it alone; a lock left by a run that is gone is taken over.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlatform, removePlatform, runCli, startCli, treeHashes, type CliResult } from '../helpers/platform.ts';

const NOW = '2026-11-22 10:00';
const SITES = ['alpha', 'beta'];
// Looked at often, so a waiting run goes on as soon as the other ends.
const env = { GOVSITE_LOCK_POLL_MS: '100' };

let root: string;
let dist: string;
/** Each site's output as one build alone makes it. */
let single: Record<string, Record<string, string>>;

const outputs = () => Object.fromEntries(SITES.map((id) => [id, treeHashes(path.join(dist, id))]));
/** What a run leaves in dist/ besides the sites and their records: nothing, once all runs are over. */
const leftovers = () => readdirSync(dist).filter((name) => /^\.(?:lock|building|discarded)-/.test(name));
const build = (...extra: string[]) => ['build', '--root', root, '--now', NOW, ...extra];

function healthy(result: CliResult): void {
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(result.output).not.toContain('ENOTEMPTY');
  expect(result.output).not.toContain('HEALTH-05');
  expect(result.output).not.toContain('govsite 出错');
}

async function until(condition: () => boolean, ms = 60_000): Promise<void> {
  for (const end = Date.now() + ms; !condition(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(() => {
  root = copyPlatform('mini');
  dist = path.join(root, 'dist');
  const alone = runCli(build(), { env });
  expect(alone.status, alone.output).toBe(0);
  single = outputs();
});

afterAll(() => removePlatform(root));

describe('concurrent runs (issue 24)', () => {
  it('two builds started at once: one waits for the other, naming it; both succeed with one build’s bytes', async () => {
    rmSync(dist, { recursive: true, force: true });
    const runs = [startCli(build(), { env }), startCli(build(), { env })];
    const results = await Promise.all(runs.map((run) => run.done));
    for (const result of results) {
      expect(result.status, result.output).toBe(0);
      healthy(result);
    }
    const waited = results.map((result) => result.output.includes('正被另一次运行使用'));
    expect(waited.filter(Boolean)).toHaveLength(1);
    const waiting = waited.indexOf(true);
    const other = runs[1 - waiting]!;
    const message = results[waiting]!.output.split('\n').filter((line) => line.includes('正被另一次运行使用'));
    expect(message).toHaveLength(1);
    expect(message[0]).toMatch(new RegExp(`^站点 \\w+ 的输出目录正被另一次运行使用（进程 ${other.child.pid}，命令“govsite build --root .*”，自 .*（北京时间）起）：等待它结束`));
    expect(results[waiting]!.output).toContain('另一次运行已结束，继续');
    expect(outputs()).toEqual(single);
    expect(leftovers()).toEqual([]);
  });

  it('a check during a build writes nothing the build uses and leaves its result untouched', async () => {
    rmSync(dist, { recursive: true, force: true });
    rmSync(path.join(root, 'reports'), { recursive: true, force: true });
    const running = startCli(build('--force'), { env });
    // The build is under way: it holds alpha's lock, or (without locks) is writing alpha's staging folder.
    await until(() => existsSync(path.join(dist, '.lock-alpha')) || existsSync(path.join(dist, '.building-alpha')));
    const check = await startCli(['check', '--root', root, '--now', NOW], { env }).done;
    expect(check.status, check.output).toBeLessThan(2);
    expect(check.output).not.toMatch(/^\s+at /m);
    expect(check.output).not.toContain('正被另一次运行使用');
    expect(existsSync(path.join(root, 'reports', 'alpha', 'inspection.html'))).toBe(true);
    const built = await running.done;
    expect(built.status, built.output).toBe(0);
    healthy(built);
    expect(outputs()).toEqual(single);
    expect(leftovers()).toEqual([]);
    // Its reports beside the check's, each whole.
    expect(readdirSync(path.join(root, 'reports', 'alpha')).sort()).toEqual(['annual-figures.html', 'annual-figures.json', 'external-links.json', 'inspection.html', 'inspection.json']);
  });

  it('refuses to write a check’s reports into the output folder', () => {
    const result = runCli(['check', '--root', root, '--now', NOW, '--out', dist], { env });
    expect(result.status).toBe(2);
    expect(result.output).toContain('是构建输出目录');
    expect(existsSync(path.join(dist, 'alpha', 'inspection.html'))).toBe(false);
  });

  it('takes over the lock of a run that is gone, and says so', () => {
    const deadPid = 2 ** 22 + 12_345; // above Linux's pid_max default range: no such process
    writeFileSync(path.join(dist, '.lock-alpha'), JSON.stringify({ pid: deadPid, host: hostname(), started: new Date().toISOString(), command: 'govsite build', token: 'gone' }));
    const result = runCli(build(), { env });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`站点 alpha 的输出目录的锁`);
    expect(result.output).toContain(`进程 ${deadPid} 已不在运行`);
    expect(result.output).toContain('接管');
    expect(leftovers()).toEqual([]);
    expect(outputs()).toEqual(single);
  });

  it('an interrupted build gives its locks back, and the next build succeeds', async () => {
    const running = startCli(build('--force'), { env });
    // Rendering: the lock is held and Astro writes the staging folder.
    await until(() => existsSync(path.join(dist, '.lock-alpha')) && existsSync(path.join(dist, '.building-alpha')));
    running.child.kill('SIGTERM');
    const stopped = await running.done;
    expect(stopped.status).toBe(143);
    expect(stopped.output).not.toMatch(/^\s+at /m);
    expect(readdirSync(dist).filter((name) => name.startsWith('.lock-'))).toEqual([]);
    const next = runCli(build(), { env });
    expect(next.status, next.output).toBe(0);
    expect(next.output).not.toContain('正被另一次运行使用');
    expect(outputs()).toEqual(single);
    expect(leftovers()).toEqual([]);
  });

  it('stops with a clear message, changing nothing, when the other run does not end in time', () => {
    // A live run of this host (the test runner itself) holds beta.
    const lock = path.join(dist, '.lock-beta');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), command: 'govsite publish --site beta', token: 'busy' }));
    try {
      const result = runCli(build('--force'), { env: { ...env, GOVSITE_LOCK_WAIT_MINUTES: '0.02' } });
      expect(result.status).toBe(2);
      expect(result.output).not.toMatch(/^\s+at /m);
      expect(result.stderr).toContain(`站点 beta 的输出目录正被另一次运行使用（进程 ${process.pid}，命令“govsite publish --site beta”`);
      expect(result.stderr).toContain('本次运行没有做任何改动');
      expect(result.stdout).not.toContain('开始构建');
      expect(existsSync(path.join(dist, '.lock-alpha'))).toBe(false);
      expect(outputs()).toEqual(single);
    } finally {
      rmSync(lock, { force: true });
    }
  });
});
