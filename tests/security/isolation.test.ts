// Issue 23 (6, 7, 9): one site's broken configuration never changes another site's output nor
// stops its build. The `mini` platform with a provincial portal (alpha) and a department (beta):
// with beta's site.yaml broken in several ways, alpha still builds, and its platform search keeps
// beta's last published bundle, listing and integrity manifest byte for byte.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const SITE = 'sites/beta/site.yaml';
const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]', 'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]', 'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]'].join('\n');

describe('SEC: a broken site.yaml stays its own site\'s problem', () => {
  let root: string;
  let original: string;
  let portalSearch: Record<string, string>;
  let portalManifest: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    for (const site of ['alpha', 'beta']) writeText(root, `sites/${site}/site.yaml`, readText(root, `sites/${site}/site.yaml`).replace('level: city', 'level: province'));
    const first = runCli(['build', '--root', root, ...NOW]);
    expect(first.status, first.output).toBe(0);
    original = readText(root, SITE);
    portalSearch = treeHashes(path.join(root, 'dist/alpha/pagefind-sites'));
    portalManifest = readFileSync(path.join(root, 'dist/alpha/govsite-integrity.json'), 'utf8');
  });
  afterAll(() => removePlatform(root));

  it.each([
    ['domain deleted', (text: string) => text.replace(/^domain:.*\n/m, ''), 'SITE-04|FILE-04'],
    ['a YAML alias bomb appended', (text: string) => `${text}\n${BOMB}\n`, 'SEC-05|FILE-03'],
    ['a YAML syntax error', (text: string) => text.replace(/^name: (.*)$/m, 'name: [$1'), 'FILE-03'],
  ])('%s: beta fails with its file named, alpha builds and keeps beta in its platform search', (_name, breakIt, rules) => {
    writeText(root, SITE, breakIt(original));
    const result = runCli(['build', '--root', root, ...NOW, '--force']);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(new RegExp(`${SITE.replace(/\//g, '\\/')}:\\d+.*\\[(?:${rules})\\]`));
    expect(result.output).not.toMatch(/Excessive alias|\n\s+at \S+ \(/);
    expect(result.output).toMatch(/✔ alpha/);
    expect(treeHashes(path.join(root, 'dist/alpha/pagefind-sites'))).toEqual(portalSearch);
    expect(readFileSync(path.join(root, 'dist/alpha/govsite-integrity.json'), 'utf8')).toBe(portalManifest);
    // validate and check of the other site are not stopped either.
    const validate = runCli(['validate', '--root', root, '--site', 'alpha']);
    expect(validate.status, validate.output).toBe(0);
    writeText(root, SITE, original);
  });
});
