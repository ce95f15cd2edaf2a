// Setup file of the unit lane (project 'unit' in vitest.config.ts, `npm run test:unit`): that
// lane builds nothing, so no demo platform is provided there and inject('demoRoot') would give
// `undefined` — a test could then read nothing and pass, or fail far from the cause. A test file
// under tests/unit that calls inject() (itself or through a helper of tests/) fails here at once,
// saying where such a test belongs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { projectRoot } from '../../src/util/paths.ts';

const testsDir = path.join(projectRoot, 'tests');
const INJECT = /\binject\s*\(/;
const RELATIVE_IMPORT = /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The files of tests/ that `file` loads (itself included) which call inject(). */
function injecting(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file) || !file.startsWith(testsDir + path.sep)) return [];
  seen.add(file);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const found = INJECT.test(source.replace(/^\s*\/\/.*$/gm, '')) ? [file] : [];
  for (const [, from, dynamic] of source.matchAll(RELATIVE_IMPORT)) found.push(...injecting(path.resolve(path.dirname(file), (from ?? dynamic)!), seen));
  return found;
}

beforeAll(() => {
  const file = expect.getState().testPath!;
  const calls = injecting(file);
  if (calls.length > 0) {
    throw new Error(
      `${path.relative(projectRoot, file)} is in the unit lane (tests/unit, npm run test:unit), which builds nothing and provides nothing: ` +
        `inject('demoRoot') is undefined here (called in ${calls.map((f) => path.relative(projectRoot, f)).join(', ')}). ` +
        'A test that needs the built demo platform, a browser, a server or an Astro build belongs in tests/integration (or tests/security, tests/browser).',
    );
  }
});
