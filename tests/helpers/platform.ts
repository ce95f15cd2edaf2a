// Test helpers: throwaway copies of fixture platforms, and the real CLI run on them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/util/paths.ts';

export const fixturesDir = path.join(projectRoot, 'tests', 'fixtures');

/** A fresh copy of tests/fixtures/<name> (or of the demo platform with name 'demo'). */
export function copyPlatform(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `govsite-${name}-`));
  if (name === 'demo') {
    cpSync(path.join(projectRoot, 'sites'), path.join(dir, 'sites'), { recursive: true });
    cpSync(path.join(projectRoot, 'content'), path.join(dir, 'content'), { recursive: true });
  } else {
    cpSync(path.join(fixturesDir, name), dir, { recursive: true });
  }
  return dir;
}

export function removePlatform(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The environment a person's shell would give the CLI: without the test runner's variables. */
export function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|NODE_ENV$|TEST$|__VITEST)/.test(key)) env[key] = value;
  }
  return env;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs `node src/cli/main.ts <args>` as npm scripts do, on the project's pinned Node. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? projectRoot,
    encoding: 'utf8',
    env: { ...cliEnv(), ...options.env },
    timeout: 600_000,
  });
  return {
    status: result.status ?? 1,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

/** Starts `node src/cli/main.ts <args>` without waiting for it (two runs at once: tests/integration/concurrent-runs.test.ts). */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [path.join(projectRoot, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...cliEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr, output: `${stdout}\n${stderr}` }));
  });
  return { child, done };
}

/** SHA-256 of every file under `dir`, keyed by relative path: equal maps mean equal trees. */
export function treeHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return hashes;
}

export function writeText(dir: string, relative: string, text: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
  writeFileSync(path.join(dir, relative), text);
}

export function readText(dir: string, relative: string): string {
  return readFileSync(path.join(dir, relative), 'utf8');
}
