// What the no-change rebuild's key (src/build/build-cache.ts) covers beyond a site's own files,
// which the integration test (tests/integration/build-cache.test.ts) changes one by one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { programFiles } from '../../src/build/build-cache.ts';
import { projectRoot } from '../../src/util/paths.ts';

describe('the build key', () => {
  it('hashes the program: templates, plugins, build code, data files, Astro config, lockfile', async () => {
    const files = await programFiles();
    for (const file of [
      'templates/pages/index.astro',
      'templates/layouts/BaseLayout.astro',
      'plugins/astro-govsite/index.ts',
      'src/build/build-site.ts',
      'src/check/output/check-links.ts',
      'src/index/index-site.ts',
      'data/government-hosts.yaml',
      'astro.config.mjs',
      'package-lock.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.some((f) => f.startsWith('tests/') || f.startsWith('docs/'))).toBe(false);
  });

  it('may reduce --now to its date because templates read nothing finer', () => {
    // The key keeps only `now.slice(0, 10)`: a template using the time of day would make
    // same-day builds differ, and the cache would wrongly keep the earlier one.
    const templates = path.join(projectRoot, 'templates');
    const uses: string[] = [];
    for (const entry of readdirSync(templates, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(astro|ts|js)$/.test(entry.name)) continue;
      const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      for (const match of text.matchAll(/\bsite\.now\b(.{0,14})|\bdata\.now\b(.{0,14})|\bnow\b(?=\s*[,}])/g)) {
        uses.push(`${entry.name}: ${match[0]}`);
      }
    }
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use, use).toMatch(/now\.slice\(0, 10\)/);
  });
});
