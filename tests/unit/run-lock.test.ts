// The locks of concurrent runs (src/util/run-lock.ts, issue 24): a second run waits for the
// first, naming it, within a bound; a lock of a run that is gone is taken over; several locks are
// taken all or none; every way a run ends gives its locks back.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLocks, heldLockFiles, LockTimeout, siteLock, withLocks, type LockHolder } from '../../src/util/run-lock.ts';
import { writeFileAtomically } from '../../src/util/cache-file.ts';
import { projectRoot } from '../../src/util/paths.ts';

const LOCK_MODULE = path.join(projectRoot, 'src/util/run-lock.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'govsite-run-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Another process taking `sites`' locks in `dir`, then running `then` (JavaScript) while holding them. */
function otherRun(sites: string[], then: string) {
  const script = `
    import { acquireLocks, siteLock } from ${JSON.stringify(LOCK_MODULE)};
    const locks = await acquireLocks(${JSON.stringify(sites)}.map((id) => siteLock(${JSON.stringify(dir)}, id)), { command: 'govsite build --site other' });
    process.stdout.write('held\\n');
    ${then}
  `;
  // Its standard input is a pipe: a script can wait for the test to close it.
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const held = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => stdout.includes('held') && resolve());
    child.on('exit', (code) => reject(new Error(`ended before holding its locks (${code}): ${stderr}`)));
  });
  // Awaited only by the tests that need it; a run that ends before holding is caught by its exit status then.
  held.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, held, exited, output: () => stdout + stderr };
}

function deadPid(): number {
  // A process that has ended: its pid is no longer alive (pids are not reused this quickly).
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function lockOf(site: string): LockHolder {
  return JSON.parse(readFileSync(siteLock(dir, site).file, 'utf8')) as LockHolder;
}

describe('run locks', () => {
  it('names the run in the lock file and removes it when released', async () => {
    const locks = await acquireLocks([siteLock(dir, 'alpha')], { command: 'govsite build' });
    const holder = lockOf('alpha');
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), command: 'govsite build' });
    expect(Date.now() - Date.parse(holder.started)).toBeLessThan(60_000);
    locks.release();
    expect(existsSync(siteLock(dir, 'alpha').file)).toBe(false);
    expect(heldLockFiles()).toEqual([]);
  });

  it('is reentrant within a process: the lock stays until the outer holder releases it', async () => {
    const outer = await acquireLocks([siteLock(dir, 'alpha')]);
    await withLocks([siteLock(dir, 'alpha'), siteLock(dir, 'beta')], async () => {
      expect(existsSync(siteLock(dir, 'beta').file)).toBe(true);
    });
    expect(existsSync(siteLock(dir, 'alpha').file)).toBe(true);
    expect(existsSync(siteLock(dir, 'beta').file)).toBe(false);
    outer.release();
    expect(existsSync(siteLock(dir, 'alpha').file)).toBe(false);
  });

  it('waits for another run, naming it once, and goes on when it ends', async () => {
    // The other run lets go when the test closes its standard input.
    const other = otherRun(['alpha'], "process.stdin.on('end', () => locks.release()).resume();");
    await other.held;
    const lines: string[] = [];
    let settled = false;
    const taking = acquireLocks([siteLock(dir, 'alpha')], { waitMs: 60_000, pollMs: 50, log: (line) => lines.push(line) }).finally(() => (settled = true));
    // Once it says it waits, it waits: the lock is still the other run's until that one lets go.
    await expect.poll(() => lines.length).toBe(1);
    expect(settled).toBe(false);
    expect(lockOf('alpha').pid).toBe(other.child.pid);
    other.child.stdin.end();
    const locks = await taking;
    expect(await other.exited).toBe(0);
    const waiting = lines.filter((line) => line.includes('正被另一次运行使用'));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toContain(`进程 ${other.child.pid}`);
    expect(waiting[0]).toContain('govsite build --site other');
    expect(waiting[0]).toMatch(/自 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）起/);
    expect(lines.at(-1)).toBe('另一次运行已结束，继续');
    expect(lockOf('alpha').pid).toBe(process.pid);
    locks.release();
  });

  it('stops with a clear error when the wait is over, holding nothing', async () => {
    const other = otherRun(['beta'], 'setTimeout(() => {}, 30_000);');
    await other.held;
    try {
      const attempt = acquireLocks([siteLock(dir, 'alpha'), siteLock(dir, 'beta')], { waitMs: 400, pollMs: 50, log: () => {} });
      await expect(attempt).rejects.toThrow(LockTimeout);
      await expect(attempt).rejects.toThrow(new RegExp(`站点 beta 的输出目录正被另一次运行使用（进程 ${other.child.pid}.*已等待 0 秒仍未结束`));
      // All or none: alpha's lock was given back while waiting for beta's.
      expect(existsSync(siteLock(dir, 'alpha').file)).toBe(false);
      expect(heldLockFiles()).toEqual([]);
    } finally {
      other.child.kill();
      await other.exited;
    }
  });

  it('takes over the lock of a run that is gone, saying so', async () => {
    const file = siteLock(dir, 'alpha').file;
    const pid = deadPid();
    writeFileSync(file, JSON.stringify({ pid, host: hostname(), started: new Date().toISOString(), command: 'govsite build', token: 'dead' }));
    const lines: string[] = [];
    const locks = await acquireLocks([siteLock(dir, 'alpha')], { waitMs: 1000, pollMs: 50, log: (line) => lines.push(line) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`属于已经结束的运行（进程 ${pid}`);
    expect(lines[0]).toContain(`进程 ${pid} 已不在运行`);
    expect(lockOf('alpha').pid).toBe(process.pid);
    locks.release();
  });

  it('lets one run at a time hold a stale lock that several take over at once', async () => {
    writeFileSync(siteLock(dir, 'alpha').file, JSON.stringify({ pid: deadPid(), host: hostname(), started: new Date().toISOString(), command: 'govsite build', token: 'dead' }));
    const log = path.join(dir, 'held.log');
    // Each records when it held the lock; the intervals must not overlap.
    const runs = Array.from({ length: 4 }, () =>
      otherRun(
        ['alpha'],
        `const fs = await import('node:fs');
         const from = Date.now();
         setTimeout(() => { fs.appendFileSync(${JSON.stringify(log)}, from + ' ' + Date.now() + '\\n'); locks.release(); }, 300);`,
      ),
    );
    // A run may finish holding before another starts: each only has to hold at some point.
    for (const run of runs) expect(await run.exited).toBe(0);
    const spans = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' ').map(Number) as [number, number]).sort((a, b) => a[0] - b[0]);
    expect(spans).toHaveLength(4);
    for (let n = 1; n < spans.length; n++) expect(spans[n]![0]).toBeGreaterThanOrEqual(spans[n - 1]![1]);
    expect(existsSync(siteLock(dir, 'alpha').file)).toBe(false);
  });

  it('takes over a lock older than the limit, even of a live process', async () => {
    const file = siteLock(dir, 'alpha').file;
    const started = new Date(Date.now() - 13 * 3600_000).toISOString();
    writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), started, command: 'govsite build', token: 'old' }));
    const lines: string[] = [];
    const locks = await acquireLocks([siteLock(dir, 'alpha')], { waitMs: 1000, pollMs: 50, log: (line) => lines.push(line) });
    expect(lines[0]).toContain('已超过 12 小时');
    locks.release();
  });

  it('does not take over a live run of another host before the age limit', async () => {
    const file = siteLock(dir, 'alpha').file;
    writeFileSync(file, JSON.stringify({ pid: deadPid(), host: 'another-host', started: new Date().toISOString(), command: 'govsite build', token: 'remote' }));
    const lines: string[] = [];
    await expect(acquireLocks([siteLock(dir, 'alpha')], { waitMs: 200, pollMs: 50, log: (line) => lines.push(line) })).rejects.toThrow(/主机 another-host/);
    expect(lines[0]).toContain('等待它结束');
  });

  it('never removes a lock another run took over', async () => {
    const locks = await acquireLocks([siteLock(dir, 'alpha')]);
    const file = siteLock(dir, 'alpha').file;
    writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), started: new Date().toISOString(), command: 'x', token: 'theirs' }));
    locks.release();
    expect(lockOf('alpha').token).toBe('theirs');
  });

  it.each([
    ['SIGTERM', 'process.kill(process.pid, "SIGTERM"); setTimeout(() => {}, 30_000);', 143],
    ['SIGINT', 'process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 30_000);', 130],
    ['an uncaught exception', 'setTimeout(() => { throw new Error("boom"); }, 10);', 1],
    ['process.exit', 'process.exit(3);', 3],
  ])('gives its locks back on %s', async (_, then, code) => {
    const other = otherRun(['alpha', 'beta'], then);
    expect(await other.exited).toBe(code);
    expect(existsSync(siteLock(dir, 'alpha').file)).toBe(false);
    expect(existsSync(siteLock(dir, 'beta').file)).toBe(false);
  });
});

describe('atomic writes', () => {
  it('leaves one whole version of a file written by many at once', async () => {
    const file = path.join(dir, 'reports', 'alpha', 'inspection.json');
    const versions = Array.from({ length: 20 }, (_, n) => `${String(n).repeat(200_000)}\n`);
    await Promise.all(versions.map((text) => writeFileAtomically(file, text)));
    expect(versions).toContain(readFileSync(file, 'utf8'));
    expect(spawnSync('ls', [path.dirname(file)], { encoding: 'utf8' }).stdout.trim()).toBe('inspection.json');
  });
});
