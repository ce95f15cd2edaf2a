// The portal's platform-search refresh (src/index/platform-search.ts) writes into the portal's
// published folder after any site's build: it takes the portal's lock (src/util/run-lock.ts), so
// it never writes while another run builds or publishes the portal (issue 24).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshPlatformSearch } from '../../src/index/platform-search.ts';
import { siteLock } from '../../src/util/run-lock.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, removePlatform } from '../helpers/platform.ts';

let root: string;
let dist: string;
beforeEach(() => {
  // The mini platform with alpha as the provincial portal, beta's bundle published.
  root = copyPlatform('mini');
  const config = path.join(root, 'sites/alpha/site.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^level: city$/m, 'level: province'));
  dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'alpha'), { recursive: true });
  writeFileSync(path.join(dist, 'alpha/index.html'), '<!doctype html>');
  mkdirSync(path.join(dist, 'beta/pagefind'), { recursive: true });
  writeFileSync(path.join(dist, 'beta/pagefind/pagefind-entry.json'), '{"version":"1"}');
});
afterEach(() => {
  vi.restoreAllMocks();
  removePlatform(root);
});

describe('the platform-search refresh', () => {
  it('waits for the run holding the portal’s lock before writing into the portal', async () => {
    // Another run holds the portal's lock until the test closes its standard input.
    const script = `
      import { acquireLocks, siteLock } from ${JSON.stringify(path.join(projectRoot, 'src/util/run-lock.ts'))};
      const locks = await acquireLocks([siteLock(${JSON.stringify(dist)}, 'alpha')], { command: 'govsite build --site alpha' });
      process.stdout.write('held\\n');
      process.stdin.on('end', () => locks.release()).resume();
    `;
    const other = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise((resolve) => other.stdout.once('data', resolve));
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    let settled = false;
    const refreshing = refreshPlatformSearch(root, dist).finally(() => (settled = true));
    // Once it says it waits for that run, it is still waiting, and nothing is written into the portal.
    await expect.poll(() => lines.join('')).toContain(`站点 alpha 的输出目录正被另一次运行使用（进程 ${other.pid}，命令“govsite build --site alpha”`);
    expect(settled).toBe(false);
    expect(existsSync(path.join(dist, 'alpha/pagefind-sites'))).toBe(false);
    other.stdin.end();
    await refreshing;
    expect(JSON.parse(readFileSync(path.join(dist, 'alpha/pagefind-sites/sites.json'), 'utf8')).map((s: { id: string }) => s.id)).toEqual(['beta']);
    expect(existsSync(siteLock(dist, 'alpha').file)).toBe(false);
  });
});
