// The module caches each entry turns on first (src/util/module-caches.ts), in child processes
// as the CLI runs: the stripped TypeScript is kept by the hash of the source and served from
// there, with the .ts file's lines in stack traces, no warning printed, and hooks registered
// before it (a test's trace of what a command loads) still called.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';

const CACHES = pathToFileURL(path.join(projectRoot, 'src/util/module-caches.ts')).href;
const TRACE = path.join(projectRoot, 'tests/helpers/trace-start.mjs');
const SOURCE = [
  "interface Notice { text: string }",
  "const notice: Notice = { text: '原样' };",
  "console.log(notice.text);",
  "if (process.env.THROW) throw new Error('第四行');",
  '',
].join('\n');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder (GOVSITE_PROJECT_ROOT) with one TypeScript module, `notice.ts`. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govsite-module-caches-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'notice.ts'), SOURCE);
  // As in the project: its .ts files are ES modules.
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** Node, as an entry runs: the caches turned on, then the module imported. */
function run(dir: string, env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const script = `const caches = await import(${JSON.stringify(CACHES)}); caches.enableModuleCaches(); await import(${JSON.stringify(pathToFileURL(path.join(dir, 'notice.ts')).href)});`;
  const { NODE_COMPILE_CACHE: _inherited, ...parentEnv } = process.env;
  const result = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...parentEnv, GOVSITE_PROJECT_ROOT: dir, ...env } });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

const strippedDir = (dir: string) => path.join(dir, '.cache', 'stripped-ts');
const kept = (dir: string) => (existsSync(strippedDir(dir)) ? readdirSync(strippedDir(dir)).filter((name) => name.endsWith('.js')) : []);

describe('the module caches', () => {
  it('keep the stripped TypeScript, blanked where the types were, and say nothing about it', () => {
    const dir = project();
    const first = run(dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe('原样');
    expect(first.stderr).not.toMatch(/ExperimentalWarning|stripTypeScriptTypes/);
    expect(kept(dir)).toHaveLength(1);
    const stripped = readFileSync(path.join(strippedDir(dir), kept(dir)[0]!), 'utf8');
    expect(stripped).toBe(stripTypeScriptTypes(SOURCE));
    expect(stripped.split('\n').map((line) => line.length)).toEqual(SOURCE.split('\n').map((line) => line.length));
    // Node's compile cache, in the same project folder.
    expect(readdirSync(path.join(dir, '.cache', 'node-compile')).length).toBeGreaterThan(0);
  });

  it('serve a module from the kept copy while its source is the same, and strip it again once it changes', () => {
    const dir = project();
    run(dir);
    const copy = path.join(strippedDir(dir), kept(dir)[0]!);
    writeFileSync(copy, readFileSync(copy, 'utf8').replace('原样', '来自缓存'));
    expect(run(dir).stdout).toBe('来自缓存');
    writeFileSync(path.join(dir, 'notice.ts'), SOURCE.replace('原样', '改过'));
    expect(run(dir).stdout).toBe('改过');
    expect(kept(dir)).toHaveLength(2);
  });

  it('keep the .ts file’s line in a stack trace, from the kept copy too', () => {
    const dir = project();
    for (let i = 0; i < 2; i++) {
      const failed = run(dir, { THROW: '1' });
      expect(failed.status).not.toBe(0);
      expect(failed.stderr).toMatch(/notice\.ts:4:\d+/);
    }
  });

  it('still let a hook registered before them see every module loaded', () => {
    const dir = project();
    run(dir);
    const log = path.join(dir, 'trace.log');
    const traced = run(dir, { TRACE_START_LOG: log }, ['--import', TRACE]);
    expect(traced.status, traced.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain(`load ${pathToFileURL(path.join(dir, 'notice.ts')).href}`);
  });

  it('are off with GOVSITE_NO_MODULE_CACHE', () => {
    const dir = project();
    expect(run(dir, { GOVSITE_NO_MODULE_CACHE: '1' }).stdout).toBe('原样');
    expect(existsSync(path.join(dir, '.cache'))).toBe(false);
  });
});
