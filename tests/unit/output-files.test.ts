// The output's file list (src/util/output-files.ts), walked once per build: output-relative
// POSIX paths in code-unit order, and a listing brought up to date by walking only the folders a
// later step wrote into.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPage, listOutputFiles, relistFolders, sortedFiles } from '../../src/util/output-files.ts';

let dir: string;
const write = (file: string, text = file) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'govsite-output-files-'));
  for (const file of ['index.html', 'news/a/index.html', 'news-b/index.html', 'news/index.html', '_astro/site.css', 'Z.txt']) write(file);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('listOutputFiles', () => {
  it('lists every file, relative and with forward slashes, in code-unit order (not the locale’s)', () => {
    expect(listOutputFiles(dir)).toEqual(['Z.txt', '_astro/site.css', 'index.html', 'news-b/index.html', 'news/a/index.html', 'news/index.html']);
  });

  it('lists a symlink as a file, and nothing for a folder that is not there', () => {
    symlinkSync(path.join(dir, 'index.html'), path.join(dir, 'home.html'));
    expect(listOutputFiles(dir)).toContain('home.html');
    expect(listOutputFiles(path.join(dir, 'missing'))).toEqual([]);
  });
});

describe('relistFolders', () => {
  it('replaces what was listed under a folder by what is there now, and keeps the rest without looking', () => {
    const before = listOutputFiles(dir);
    write('pagefind/pagefind-entry.json');
    write('pagefind/part-1/fragment/a.pf_fragment');
    // Written outside the folders named: not seen, as the build means (nothing else changes then).
    write('late.html');
    const after = relistFolders(before, dir, ['pagefind', 'pagefind-sites']);
    expect(after).toEqual(sortedFiles([...before, 'pagefind/pagefind-entry.json', 'pagefind/part-1/fragment/a.pf_fragment']));
    rmSync(path.join(dir, 'pagefind', 'part-1'), { recursive: true });
    expect(relistFolders(after, dir, ['pagefind'])).toEqual(sortedFiles([...before, 'pagefind/pagefind-entry.json']));
  });
});

describe('sortedFiles and isPage', () => {
  it('drops duplicates and sorts; pages are the .html files', () => {
    expect(sortedFiles(['b', 'a/b', 'a-b', 'b'])).toEqual(['a-b', 'a/b', 'b']);
    expect(listOutputFiles(dir).filter(isPage)).toEqual(['index.html', 'news-b/index.html', 'news/a/index.html', 'news/index.html']);
  });
});
