// Concurrent runs (issue 24): two builds started in one checkout must not work in one site's
// output at once (one removed the staging folder the other was writing: ENOTEMPTY, and _astro/
// files "missing" in the other's output checks). Every command that writes a site's output, its
// staging folders or its build record takes that site's lock first, `<out>/.lock-<siteId>`; a
// publish target is locked by `<target>/.lock` (docs/architecture.md, "Concurrent runs").
//
// A lock is a small JSON file created with O_EXCL (`wx`): it names the run holding it (pid, host,
// start time, command). A second run waits for it, saying once which run it waits for, up to a
// bound (GOVSITE_LOCK_WAIT_MINUTES, 30 by default), then stops with a clear error. A lock whose
// run is gone (its pid no longer alive on this host, or older than GOVSITE_LOCK_STALE_HOURS, 12 by
// default) is taken over, with a message. Several locks are taken all or none: a run never holds
// one while waiting for another, so two runs cannot wait for each other. Locks are reentrant
// within a process (publish holds its site's lock while its build takes it again) and released on
// every exit: at the end of the work, and on exit, an uncaught exception, SIGINT or SIGTERM.
import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO 8601 (UTC). */
  started: string;
  /** The command line of the run, as typed after `main.ts`. */
  command: string;
  /** Unique per acquisition: a run releases only a lock it still holds. */
  token: string;
}

export interface LockRequest {
  /** The lock file. */
  file: string;
  /** What it protects, in the run's messages: “站点 alpha 的输出目录”. */
  what: string;
}

/** `<out>/.lock-<siteId>`: a site's output folder, its staging folders and its build record. */
export function siteLock(outRoot: string, siteId: string): LockRequest {
  return { file: path.join(outRoot, `.lock-${siteId}`), what: `站点 ${siteId} 的输出目录` };
}

/** `<dir>/.lock`: a folder the command owns as a whole (a publish target). */
export function folderLock(dir: string, what: string): LockRequest {
  return { file: path.join(dir, '.lock'), what };
}

/** `<parent>/.lock-<name>`: a folder the command replaces whole (the preview folder). */
export function besideLock(dir: string, what: string): LockRequest {
  return { file: path.join(path.dirname(dir), `.lock-${path.basename(dir)}`), what };
}

export interface LockOptions {
  /** How long to wait for another run, in milliseconds. */
  waitMs?: number;
  /** A lock older than this is stale whatever its pid. */
  staleMs?: number;
  /** How often a waiting run looks again. */
  pollMs?: number;
  /** Where the waiting and takeover messages go (standard output by default). */
  log?: (line: string) => void;
  /** The command named in the lock (this process's arguments by default). */
  command?: string;
}

export class LockTimeout extends Error {}

/** A positive number from the environment, times `unit` milliseconds; else `fallback`. */
const fromEnv = (name: string, unit: number, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value * unit : fallback;
};

function defaults(options: LockOptions) {
  return {
    waitMs: options.waitMs ?? fromEnv('GOVSITE_LOCK_WAIT_MINUTES', 60_000, 30 * 60_000),
    staleMs: options.staleMs ?? fromEnv('GOVSITE_LOCK_STALE_HOURS', 3600_000, 12 * 3600_000),
    pollMs: options.pollMs ?? fromEnv('GOVSITE_LOCK_POLL_MS', 1, 500),
    log: options.log ?? ((line: string) => process.stdout.write(`${line}\n`)),
    command: options.command ?? `govsite ${process.argv.slice(2).join(' ')}`.trim(),
  };
}

/** A wait as a person reads it: “30 分钟”, “20 秒”. */
function duration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} 分钟` : `${Math.round(ms / 1000)} 秒`;
}

/** China time (UTC+8), to the second, as editors read times. */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** “进程 123，命令“govsite build …”，自 2026-12-08 04:31:02（北京时间）起” (the host only when it is another). */
export function describeHolder(holder: LockHolder): string {
  const host = holder.host === hostname() ? '' : `，主机 ${holder.host}`;
  return `进程 ${holder.pid}${host}，命令“${holder.command}”，自 ${chinaTime(holder.started)}（北京时间）起`;
}

/** Whether a process of this host with `pid` is running. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user, alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Reading = { holder: LockHolder } | { unreadable: true; ageMs: number } | undefined;

/** The lock's holder; undefined when there is no lock. A file being written (or damaged) is unreadable. */
async function readHolder(file: string): Promise<Reading> {
  let text: string;
  let mtime: number;
  try {
    [text, mtime] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    if (typeof holder.pid === 'number' && typeof holder.token === 'string') return { holder };
  } catch {
    // Created but not written yet, or damaged.
  }
  return { unreadable: true, ageMs: Date.now() - mtime };
}

/** Why `reading`'s lock no longer protects anything, or undefined while its run may still be working. */
function staleness(reading: NonNullable<Reading>, staleMs: number): string | undefined {
  if ('unreadable' in reading) return reading.ageMs > 60_000 ? '锁文件内容无法读取且已超过 1 分钟' : undefined;
  const { holder } = reading;
  if (holder.host === hostname() && !processAlive(holder.pid)) return `进程 ${holder.pid} 已不在运行`;
  const age = Date.now() - Date.parse(holder.started);
  if (!(age <= staleMs)) return `已超过 ${Math.round(staleMs / 3600_000)} 小时`;
  return undefined;
}

/** Locks this process holds: file → holder and how many times it was taken. */
const held = new Map<string, { holder: LockHolder; count: number }>();

async function create(file: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder, null, 2)}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes a stale lock if it is still the one judged stale: renamed aside first (one rename, so
 * of two runs taking over only one moves it), then checked.
 */
async function takeOver(file: string, stale: NonNullable<Reading>): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = await readHolder(aside).catch(() => undefined);
  const same =
    moved && 'holder' in moved && 'holder' in stale
      ? moved.holder.token === stale.holder.token
      : moved !== undefined && 'unreadable' in moved && 'unreadable' in stale && moved.ageMs > 60_000;
  if (!same) {
    // Another run took it over meanwhile and this moved its fresh lock: give it back, unless a
    // third run holds the name by now (a link, unlike a rename, never replaces a file).
    await link(aside, file).catch(() => undefined);
    await rm(aside, { force: true });
    return false;
  }
  await rm(aside, { force: true });
  return true;
}

function releaseFile(file: string, token: string): void {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    if (holder.token === token) unlinkSync(file);
  } catch {
    // Gone, or taken over as stale by another run: not ours to remove.
  }
}

export interface HeldLocks {
  /** Gives the locks back (idempotent). */
  release(): void;
}

type Busy = { file: string; reading: NonNullable<Reading> };

/** One round: takes every lock of `files` in order, or none (returns the first busy one). */
async function tryAll(files: readonly string[], holder: LockHolder, o: ReturnType<typeof defaults>, whatOf: Map<string, string>): Promise<Busy | undefined> {
  const taken: string[] = [];
  const take = (file: string) => {
    const mine = held.get(file);
    if (mine) mine.count++;
    else held.set(file, { holder, count: 1 });
    taken.push(file);
  };
  try {
    for (const file of files) {
      if (held.has(file) || (await create(file, holder))) {
        take(file);
        continue;
      }
      const reading = await readHolder(file);
      // Released between the two looks: tried again on the next round.
      if (reading === undefined) return giveBackAll(taken, { file, reading: { unreadable: true, ageMs: 0 } });
      const stale = staleness(reading, o.staleMs);
      if (!stale) return giveBackAll(taken, { file, reading });
      const who = 'holder' in reading ? describeHolder(reading.holder) : '内容无法读取';
      if (await takeOver(file, reading)) o.log(`${whatOf.get(file)}的锁 ${file} 属于已经结束的运行（${who}；${stale}）：接管`);
      if (!(await create(file, holder))) return giveBackAll(taken, { file, reading });
      take(file);
    }
  } catch (error) {
    giveBackAll(taken, undefined);
    throw error;
  }
  return undefined;
}

/** All or none: nothing is held while waiting. */
function giveBackAll(taken: readonly string[], busy: Busy | undefined): Busy | undefined {
  for (const file of taken) giveBack(file);
  return busy;
}

/**
 * Takes every lock of `requests`, all or none, waiting for other runs as the options say.
 * Throws LockTimeout, with a message naming the other run, when the wait is over.
 */
export async function acquireLocks(requests: readonly LockRequest[], options: LockOptions = {}): Promise<HeldLocks> {
  const o = defaults(options);
  const files = [...new Set(requests.map((r) => path.resolve(r.file)))].sort();
  const whatOf = new Map(requests.map((r) => [path.resolve(r.file), r.what]));
  const holder: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: o.command, token: randomUUID() };
  const deadline = Date.now() + o.waitMs;
  const announced = new Set<string>();
  let waited = false;
  // Before the first lock is taken: a signal while the locks are being taken releases them too.
  installExitHandlers();
  try {
    for (;;) {
      const busy = await tryAll(files, holder, o, whatOf);
      if (!busy) {
        if (waited) o.log('另一次运行已结束，继续');
        return once(() => {
          for (const file of files) giveBack(file);
        });
      }
      const who = 'holder' in busy.reading ? describeHolder(busy.reading.holder) : '刚创建，尚未写入';
      if (Date.now() >= deadline) {
        throw new LockTimeout(
          `${whatOf.get(busy.file)}正被另一次运行使用（${who}），已等待 ${duration(o.waitMs)}仍未结束，本次运行没有做任何改动。` +
            `请等那次运行结束后重试；若确认它已不在运行，删除锁文件 ${busy.file} 后重试（等待时长：环境变量 GOVSITE_LOCK_WAIT_MINUTES）`,
        );
      }
      if ('holder' in busy.reading && !announced.has(busy.reading.holder.token)) {
        announced.add(busy.reading.holder.token);
        o.log(`${whatOf.get(busy.file)}正被另一次运行使用（${who}）：等待它结束（最多等 ${duration(o.waitMs)}）…`);
      }
      waited = true;
      await sleep(Math.min(o.pollMs, Math.max(0, deadline - Date.now())));
    }
  } finally {
    if (held.size === 0) removeExitHandlers();
  }
}

function giveBack(file: string): void {
  const mine = held.get(file);
  if (!mine) return;
  if (--mine.count > 0) return;
  held.delete(file);
  releaseFile(file, mine.holder.token);
  if (held.size === 0) removeExitHandlers();
}

function once(release: () => void): HeldLocks {
  let done = false;
  return {
    release() {
      if (done) return;
      done = true;
      release();
    },
  };
}

/** Runs `work` holding the locks of `requests`, released however it ends. */
export async function withLocks<T>(requests: readonly LockRequest[], work: () => Promise<T>, options?: LockOptions): Promise<T> {
  const locks = await acquireLocks(requests, options);
  try {
    return await work();
  } finally {
    locks.release();
  }
}

/** The locks this process holds now (for tests). */
export function heldLockFiles(): string[] {
  return [...held.keys()];
}

// Every exit path gives the locks back. A signal first stops what the run started that could still
// write (the render processes: registered by onInterrupt), then exits as the signal would.
const interruptHooks = new Set<() => void>();

/** Called on SIGINT/SIGTERM before the locks are released: stop child processes that write output. */
export function onInterrupt(hook: () => void): void {
  interruptHooks.add(hook);
}

function releaseAll(): void {
  for (const [file, { holder }] of held) releaseFile(file, holder.token);
  held.clear();
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
const signalHandlers = new Map<NodeJS.Signals, () => void>();
let installed = false;

function installExitHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', releaseAll);
  for (const [signal, code] of Object.entries(SIGNALS) as Array<[NodeJS.Signals, number]>) {
    const handler = () => {
      for (const hook of interruptHooks) {
        try {
          hook();
        } catch {
          // Stopping what can be stopped; the locks go regardless.
        }
      }
      releaseAll();
      process.stderr.write(`\n已中断（${signal}），锁已释放\n`);
      process.exit(code);
    };
    signalHandlers.set(signal, handler);
    process.on(signal, handler);
  }
}

function removeExitHandlers(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', releaseAll);
  for (const [signal, handler] of signalHandlers) process.off(signal, handler);
  signalHandlers.clear();
}
