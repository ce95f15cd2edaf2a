// `npm ci` (the README's install command and CI's) rejects a lock file that lacks an optional
// dependency; the registry here does not serve some, so `npm run lock` fills them in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';

describe('package-lock.json', () => {
  it('has an entry for every optional dependency (run npm run lock after npm install)', () => {
    const lock = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
    const missing: string[] = [];
    for (const entry of Object.values(lock.packages) as Array<{ optionalDependencies?: Record<string, string> }>) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!lock.packages[`node_modules/${name}`]) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });

  it('pins the Node runtime that npm scripts run on', () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.dependencies.node).toMatch(/^22\./);
    expect(process.versions.node.split('.')[0]).toBe('22');
  });
});
