// issue 7's figures inside `npm run bench`: runs bench/search.ts (npm run bench:search) as it is,
// so there is one search benchmark, and returns its tables.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../src/util/paths.ts';

export function runSearchBench(sizes: number[]): Promise<string> {
  return new Promise((resolve, reject) => {
    console.log(`\nsearch: node bench/search.ts (BENCH_SEARCH_ITEMS=${sizes.join(',')})`);
    const child = spawn(process.execPath, [path.join(projectRoot, 'bench/search.ts')], {
      cwd: projectRoot,
      env: { ...process.env, BENCH_SEARCH_ITEMS: sizes.join(',') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench/search.ts exited with ${code}:\n${stdout}`));
      // Its first line names the run; the tables follow.
      else resolve(stdout.split('\n').slice(1).join('\n').trim());
    });
  });
}
