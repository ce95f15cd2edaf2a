// SEC-05 size limits (issue 23, items 7 and 8) and the pubDate fix (item 9). Every limit is a
// finding with file, line and fix: a front-matter text (title, description…), a list, a body, a
// whole file before it is parsed (the 52 MB `description` that made 302 MB of output), a site.yaml.
// One copy of `mini` holds every hostile file and is loaded once; one CLI build shows the 52 MB
// file refused while the other site is built.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { parseYaml } from '../../src/config/parse-yaml.ts';
import { readSourceFile } from '../../src/config/read-source-file.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';
import { BODY, findingAt, item } from '../helpers/findings.ts';

interface Case {
  name: string;
  text: string;
  ruleId: string;
  line: number;
  words: string[];
  /** Words the fix must not contain (the invalid date repeated). */
  fixWithout?: string;
  fixWith?: string;
}

const cases: Case[] = [
  { name: 'title of 201 characters', text: item({ title: '标'.repeat(201) }), ruleId: 'SEC-05', line: 2, words: ['201 个字符', '上限 200'] },
  { name: 'description of 2,001 characters', text: item({ extra: `description: ${'摘'.repeat(2001)}\n` }), ruleId: 'SEC-05', line: 6, words: ['上限 2000'] },
  { name: 'source of 201 characters', text: item({ extra: `author: ${'者'.repeat(201)}\n` }), ruleId: 'SEC-05', line: 6, words: ['author'] },
  { name: 'status note of 1,001 characters', text: item({ extra: `status:\n  state: valid\n  note: ${'注'.repeat(1001)}\n` }), ruleId: 'SEC-05', line: 8, words: ['status.note'] },
  { name: 'a keyword of 51 characters', text: item({ extra: `keywords: [政务, ${'词'.repeat(51)}]\n` }), ruleId: 'SEC-05', line: 6, words: ['keywords[1]'] },
  { name: '31 keywords', text: item({ extra: `keywords: [${Array.from({ length: 31 }, (_, i) => `词${i}`).join(', ')}]\n` }), ruleId: 'SEC-05', line: 6, words: ['31 项', '上限 30'] },
  { name: '201 attachments', text: item({ extra: `attachments:\n${Array.from({ length: 201 }, (_, i) => `  - { file: a${i}.pdf, title: 附件${i} }`).join('\n')}\n` }), ruleId: 'SEC-05', line: 7, words: ['201 项'] },
  { name: 'attachment title of 301 characters', text: item({ extra: `attachments:\n  - { file: a.pdf, title: ${'附'.repeat(301)} }\n` }), ruleId: 'SEC-05', line: 7, words: ['attachments[0].title'] },
  { name: 'unknown field of 5,001 characters', text: item({ extra: `remark: ${'x'.repeat(5001)}\n` }), ruleId: 'SEC-05', line: 6, words: ['5001 个字符'] },
  // Reported where the body starts: the blank line after the closing `---`.
  { name: 'body of 700,000 characters', text: item({ body: `${'正文内容。'.repeat(140_000)}` }), ruleId: 'SEC-05', line: BODY - 1, words: ['正文有 7000', '上限 600000'] },
  { name: 'file of 4 MB (refused before parsing)', text: item({ extra: `description: ${'x'.repeat(4 * 1024 * 1024)}\n` }), ruleId: 'SEC-05', line: 1, words: ['没有读取', '上限 3.0 MB'] },
  // Item 9: a date that does not exist is said to be so, and the fix is a real date.
  { name: 'pubDate 2026-02-30', text: item({ pubDate: '2026-02-30' }), ruleId: 'CONT-01', line: 3, words: ['不存在', '2 月只有 28 天'], fixWithout: '2026-02-30', fixWith: '2026-02-28 09:30' },
  { name: 'pubDate 2024-02-30 09:00 (leap year)', text: item({ pubDate: '2024-02-30 09:00' }), ruleId: 'CONT-01', line: 3, words: ['只有 29 天', 'YYYY-MM-DD HH:MM'], fixWithout: '2024-02-30', fixWith: '2024-02-29 09:00' },
  { name: 'pubDate 2026-13-01 10:00', text: item({ pubDate: '2026-13-01 10:00' }), ruleId: 'CONT-01', line: 3, words: ['没有 13 月'], fixWithout: '2026-13-01', fixWith: '2026-12-01 10:00' },
  { name: 'pubDate 2026-11-20 24:00', text: item({ pubDate: '2026-11-20 24:00' }), ruleId: 'CONT-01', line: 3, words: ['时间“2026-11-20 24:00”不存在', '没有 24:00'], fixWithout: '24:00', fixWith: '2026-11-20 23:00' },
  { name: 'writtenDate 2025-02-29', text: item({ extra: 'writtenDate: 2025-02-29\n' }), ruleId: 'FILE-04', line: 6, words: ['2025 年 2 月只有 28 天'], fixWithout: '2025-02-29', fixWith: '2025-02-28' },
];

const fileOf = (index: number) => `content/alpha/news/size-${index + 1}.mdx`;
const SITE = 'sites/beta/site.yaml';

let root: string;
let found: Diagnostic[];

beforeAll(async () => {
  root = copyPlatform('mini');
  cases.forEach((c, i) => writeText(root, fileOf(i), c.text));
  // A site.yaml beyond its limit (the site's own items are then not loaded; alpha's are).
  writeText(root, SITE, `${readText(root, SITE)}# ${'注'.repeat(200_000)}\n`);
  found = [...(await loadPlatform(root, '2026-11-22 10:00')).values()].flatMap((site) => site.diagnostics);
}, 120_000);
afterAll(() => removePlatform(root));

describe('SEC-05 sizes and the date fixes', () => {
  it.each(cases.map((c, i) => [c.name, c, fileOf(i)] as const))('%s', (_name, c, file) => {
    const d = findingAt(found, file, c.ruleId, c.line, { only: true });
    for (const words of c.words) expect(d.message).toContain(words);
    if (c.fixWithout) expect(d.fix).not.toContain(c.fixWithout);
    if (c.fixWith) expect(d.fix).toContain(c.fixWith);
    // A message never quotes a whole oversized value.
    expect(d.message.length).toBeLessThan(300);
  });

  it('refuses a site.yaml beyond 512 KB at line 1', () => {
    const d = found.find((x) => x.file === SITE && x.ruleId === 'SEC-05');
    expect(d).toMatchObject({ line: 1 });
    expect(d!.message).toContain('站点配置文件的上限 512 KB');
  });

  it('limits a site.yaml text to 5,000 characters', () => {
    const parsed = parseYaml({ text: `name: 测试\nlifecycle:\n  launchNotice: ${'告'.repeat(5001)}\n`, file: 'sites/x/site.yaml', firstLine: 1 });
    expect(parsed.diagnostics.map((d) => [d.ruleId, d.line, d.field])).toEqual([['SEC-05', 3, 'lifecycle.launchNotice']]);
  });

  it('refuses a file beyond the limit from its size, without reading it', async () => {
    const dir = copyPlatform('mini');
    try {
      const file = 'sites/alpha/site.yaml';
      // A sparse file of 1 GB: reading it would take seconds and a gigabyte of memory.
      const { truncateSync } = await import('node:fs');
      truncateSync(path.join(dir, file), 1024 * 1024 * 1024);
      const started = performance.now();
      const result = await readSourceFile(path.join(dir, file), file);
      expect(performance.now() - started).toBeLessThan(500);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ ruleId: 'SEC-05', file, line: 1 });
    } finally {
      removePlatform(dir);
    }
  });
});

describe('the CLI', () => {
  it('refuses the 52 MB description before parsing; the site is not published; the other site builds', () => {
    const dir = copyPlatform('mini');
    try {
      const file = 'content/alpha/news/huge-description.mdx';
      writeText(dir, file, item({ extra: `description: ${'SIZEMARKER'.repeat(5_200_000)}\n` }));
      const result = runCli(['build', '--root', dir, '--now', '2026-11-22 10:00']);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`${file}:1`);
      expect(result.output).toContain('[SEC-05]');
      expect(result.output).not.toContain('SIZEMARKERSIZEMARKER');
      expect(result.output).toMatch(/✔ beta/);
      let bytes = 0;
      for (const entry of readdirSync(path.join(dir, 'dist'), { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) bytes += statSync(path.join(entry.parentPath, entry.name)).size;
      }
      // beta alone is under 2 MB; the 52 MB value would have made hundreds.
      expect(bytes).toBeLessThan(10 * 1024 * 1024);
    } finally {
      removePlatform(dir);
    }
  });
});
