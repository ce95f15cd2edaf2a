// Issue 23 (12): defence in depth. A payload that got past the compile's refusal runs in the
// render process; started as govsite starts it (Node's permission model, the allowlisted
// environment, the child-process guard), it can start no program, read no file of the machine,
// write no published page and find no secret of the pipeline.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroWorkerEnv, renderPermissions } from '../../src/render/astro-process.ts';
import { projectRoot } from '../../src/util/paths.ts';

const root = mkdtempSync(path.join(tmpdir(), 'govsite-sandbox-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('SEC: the render process sandbox', () => {
  it('denies every way to start a program, read the machine, write the published site or find a secret', () => {
    const outRoot = path.join(root, 'dist');
    const published = path.join(outRoot, 'alpha', 'index.html');
    mkdirSync(path.dirname(published), { recursive: true });
    writeFileSync(published, 'published');
    const canary = path.join(root, 'canary');
    const probe = path.join(projectRoot, 'tests/fixtures/sandbox/render-probe.ts');
    const result = spawnSync(process.execPath, [...renderPermissions({ root, outRoot, siteId: 'alpha' }), probe, canary, published, path.join(outRoot, '.building-alpha-2', 'index.html')], {
      env: astroWorkerEnv({ ...process.env, DEPLOY_TOKEN: 'canary-token-3f9a' }),
      encoding: 'utf8',
    });
    expect(result.stderr).not.toContain('canary-token');
    const results = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Record<string, string>;
    const { secret, ...attempts } = results;
    expect(secret).toBe('absent');
    expect(Object.keys(attempts)).toHaveLength(16);
    for (const [name, outcome] of Object.entries(attempts)) expect(outcome, name).toBe('ERR_ACCESS_DENIED');
    expect(existsSync(canary)).toBe(false);
    expect(existsSync(`${canary}-2`)).toBe(false);
    expect(spawnSync('cat', [published], { encoding: 'utf8' }).stdout).toBe('published');
  });

  it('passes only allowlisted variables to the render, and a home of its own', () => {
    const env = astroWorkerEnv({ PATH: '/usr/bin', CI_DEPLOY_TOKEN: 'x', AWS_SECRET_ACCESS_KEY: 'y', NODE_OPTIONS: '--require /tmp/x.js', GOVSITE_SITE: 'alpha', HOME: '/root' });
    expect(Object.keys(env).sort()).toEqual(['ASTRO_TELEMETRY_DISABLED', 'GOVSITE_SITE', 'HOME', 'PATH']);
    expect(env.HOME).not.toBe('/root');
  });

  it('grants no child process: Node refuses a start even without the guard (render-sandbox.ts)', () => {
    const canary = path.join(root, 'canary-unguarded');
    const flags = renderPermissions({ root, outRoot: path.join(root, 'dist'), siteId: 'alpha' });
    expect(flags).not.toContain('--allow-child-process');
    const code = `let outcome = 'allowed'; try { require('node:child_process').spawnSync('/usr/bin/touch', [${JSON.stringify(canary)}]); } catch (e) { outcome = e.code; } console.log(JSON.stringify({ child: process.permission.has('child'), outcome }));`;
    const result = spawnSync(process.execPath, [...flags, '-e', code], { env: astroWorkerEnv(process.env), encoding: 'utf8' });
    expect(JSON.parse(result.stdout.trim())).toEqual({ child: false, outcome: 'ERR_ACCESS_DENIED' });
    expect(existsSync(canary)).toBe(false);
  });
});
