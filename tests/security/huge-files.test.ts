// SEC-05 / SEC-07 for files nobody should read: a content file of 3 GiB (Node cannot even read a
// file over 2 GiB, and one such file used to stop the load of the whole platform), and the
// annual-figures data file of a site as a huge file or a link to /etc/passwd. Each is refused
// unread, at its file, and the other site is checked and built as always.
import { readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlatform, removePlatform, runCli, treeHashes } from '../helpers/platform.ts';

const GIB3 = 3 * 1024 ** 3;

describe('SEC: files too large to read, or not files at all', () => {
  let root: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    const huge = path.join(root, 'content/alpha/news/huge.mdx');
    writeFileSync(huge, '');
    truncateSync(huge, GIB3);
    const figures = path.join(root, 'sites/beta/annual-figures.yaml');
    writeFileSync(figures, '');
    truncateSync(figures, GIB3);
    symlinkSync('/etc/passwd', path.join(root, 'sites/alpha/annual-figures.yaml'));
  });
  afterAll(() => removePlatform(root));

  it('validate refuses the 3 GiB item unread and checks the rest', () => {
    const result = runCli(['validate', '--root', root]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/content\/alpha\/news\/huge\.mdx:1\s+\S+ \[SEC-05\]/);
    expect(result.output).toMatch(/✔ beta/);
    expect(result.output).not.toMatch(/govsite 出错|greater than 2 GiB/);
  });

  it('check reports the linked and the huge annual figures, and no line of /etc/passwd reaches a report', () => {
    const result = runCli(['check', '--root', root, '--now', '2026-11-22 10:00']);
    expect(result.output).not.toMatch(/govsite 出错|greater than 2 GiB/);
    expect(result.output).toMatch(/sites\/alpha\/annual-figures\.yaml:1\s+\S+ \[SEC-07\]/);
    const reports = treeHashes(path.join(root, 'reports'));
    expect(Object.keys(reports).length).toBeGreaterThan(0);
    const text = Object.keys(reports).map((file) => readFileSync(path.join(root, 'reports', file), 'utf8')).join('\n');
    expect(text).not.toContain('root:x:0:0');
  });
});
