// PUB-04 across machines: the same commit, checked out in two folders of different depth and
// name, and built by two different users, builds the same platform to byte-identical output. (Astro hashes a template's absolute
// path into the id of a scoped style, so a scoped <style> in a template breaks this; the guard
// below names it.) The build records beside the sites (`.<id>.build.json`) hold file times and are
// not published.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';
import { cliEnv, copyPlatform, removePlatform, treeHashes } from '../helpers/platform.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The tracked files of the project in a new folder, node_modules hard-linked. */
function checkout(parent: string): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, 'govsite-'));
  made.push(dir);
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: projectRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) cpSync(path.join(projectRoot, file), path.join(dir, file), { recursive: true });
  execFileSync('cp', ['-al', path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules')]);
  return dir;
}

/**
 * The checkout's own Node (the pinned `node` package, hard-linked): the other user may not be
 * able to reach this process's, under the first user's home.
 */
function checkoutNode(project: string): string {
  const own = path.join(project, 'node_modules', 'node', 'bin', 'node');
  return existsSync(own) ? own : process.execPath;
}

function published(dist: string): Record<string, string> {
  const hashes = treeHashes(dist);
  return Object.fromEntries(Object.entries(hashes).filter(([file]) => !/^\.[^/]+\.build\.json$/.test(file)));
}

describe('PUB-04: two checkouts in different folders build the same bytes', () => {
  it('no template has a scoped style (its id would hash the checkout folder)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.astro') && /^\s*<style(?![^>]*\bis:global\b)[^>]*>/m.test(readFileSync(file, 'utf8'))) offenders.push(path.relative(projectRoot, file));
      }
    };
    walk(path.join(projectRoot, 'templates'));
    expect(offenders).toEqual([]);
  });

  it('builds the mini platform identically from a short and a long checkout path, as another user', () => {
    const a = checkout(path.join(tmpdir(), 'a'));
    const b = checkout(path.join(tmpdir(), 'a-much-longer-folder-name', 'nested', 'deeper'));
    // The second build runs as another user with another home, where the test may switch users
    // (CI runs as root): nothing of the user may reach the output.
    const otherUser = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');
    const outputs = [a, b].map((project, i) => {
      const root = copyPlatform('mini');
      made.push(root);
      const asOther = otherUser && i === 1;
      const command = [path.join(project, 'src/cli/main.ts'), 'build', '--root', root, '--now', '2026-11-22 10:00'];
      if (asOther) {
        const home = mkdtempSync(path.join(tmpdir(), 'govsite-home-'));
        made.push(home);
        // The other user reads the checkout and writes the platform folder and its home.
        for (const dir of [project, root, home]) execFileSync('chmod', ['-R', 'a+rwX', dir]);
        for (let up = path.dirname(project); up !== path.dirname(up); up = path.dirname(up)) execFileSync('chmod', ['a+x', up]);
        execFileSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', checkoutNode(project), ...command], { cwd: project, env: { ...cliEnv(), HOME: home, USER: 'nobody' }, stdio: 'pipe' });
      } else {
        execFileSync(process.execPath, command, { cwd: project, env: cliEnv(), stdio: 'pipe' });
      }
      if (asOther) expect(statSync(path.join(root, 'dist', 'alpha', 'index.html')).uid).toBe(65534);
      const hashes = published(path.join(root, 'dist'));
      removePlatform(root);
      return hashes;
    });
    expect(Object.keys(outputs[0]!).length).toBeGreaterThan(20);
    expect(outputs[1]).toEqual(outputs[0]);
  }, 240_000);
});
