// Runs one command as the benchmark measures it: wall time, and peak memory of its whole
// process tree — the sum of the resident set sizes (RSS) of the command and all its descendants
// (govsite's site workers, Astro's and Hugo's own children), sampled from /proc every 100 ms.
// `/usr/bin/time -v` would give only the largest single process, not the tree, so parallel site
// workers would be under-counted. Samples can miss a spike shorter than the interval.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
// Often enough for memory that builds up over seconds, rarely enough not to load the 2 cores.
const SAMPLE_MS = 100;

export interface Measured {
  seconds: number;
  peakBytes: number;
  stdout: string;
  stderr: string;
}

function processTable(): Map<number, { parent: number; rssBytes: number }> {
  const table = new Map<number, { parent: number; rssBytes: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces: fields start after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const resident = Number(readFileSync(`/proc/${name}/statm`, 'utf8').split(' ')[1]);
      table.set(Number(name), { parent, rssBytes: resident * PAGE_BYTES });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/** Sum of RSS of `root` and every process descending from it. */
export function treeRss(root: number): number {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop()!;
    total += table.get(pid)?.rssBytes ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measureCommand(command: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakBytes = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const sampler = setInterval(() => {
      if (child.pid) peakBytes = Math.max(peakBytes, treeRss(child.pid));
    }, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`${command.join(' ')} exited with ${code}:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
      else resolve({ seconds, peakBytes, stdout, stderr });
    });
  });
}
