// The machine and tool versions a benchmark ran on, for docs/performance.md: figures mean little
// without them, and the load average says whether other work shared the machine.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/util/paths.ts';

// The installed versions, as the lockfile pins them (npm's lockfile keys packages by their folder).
const locked = (JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> }).packages;
const packageVersion = (name: string) => locked[`node_modules/${name}`]?.version ?? 'unknown';
const commandVersion = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split('\n')[0]! : 'not installed';
};

export function describeMachine(): { summary: string; markdown: string } {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown CPU';
  const memKib = Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)/m)?.[1] ?? 0);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const rows: Array<[string, string]> = [
    ['date (UTC)', new Date().toISOString().slice(0, 16).replace('T', ' ')],
    ['CPU', `${cpu}, ${availableParallelism()} cores (nproc)`],
    ['RAM', `${(memKib / 2 ** 20).toFixed(1)} GiB`],
    ['load average at start (1/5/15 min)', load],
    ['OS', readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="(.*)"$/m)?.[1] ?? 'unknown'],
    ['Node', process.version],
    ['Astro / @astrojs/mdx', `${packageVersion('astro')} / ${packageVersion('@astrojs/mdx')}`],
    ['Pagefind', packageVersion('pagefind')],
    ['Hugo', commandVersion('hugo', ['version'])],
    ['Chromium', commandVersion(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'])],
  ];
  return {
    summary: rows.map(([k, v]) => `${k}: ${v}`).join('; '),
    markdown: ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n'),
  };
}
