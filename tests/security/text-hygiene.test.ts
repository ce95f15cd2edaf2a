// SEC-04 text hygiene (issue 23, items 6 and 8): control characters anywhere in a content file or
// site.yaml, hidden characters (zero-width, bidi controls, separators) in any YAML text, and the
// content rules matching what a reader sees — `秘\u200b密★一年` is CONT-06 — at the position of
// the original character. All hostile files are written into one copy of the `mini` platform and
// loaded once, as `validate` does; one CLI build shows that a NUL reaches no published file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { decodeSource } from '../../src/config/read-source-file.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { visibleText } from '../../src/security/text-hygiene.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';
import { BODY, findingAt, item, loadWithFiles } from '../helpers/findings.ts';

interface Case {
  name: string;
  text: string;
  ruleId: string;
  line: number;
  column?: number;
  /** Words the message must contain. */
  words: string;
}

// Each case becomes content/alpha/news/hyg-<n>.mdx.
const cases: Case[] = [
  // Control characters in the file: refused as it is read, at line and column.
  { name: 'NUL in the body', text: item({ body: '正文\u0000内容' }), ruleId: 'SEC-04', line: BODY, column: 3, words: '空字符（U+0000）' },
  { name: 'ESC sequence in the body', text: item({ body: '\u001b[31m红色\u001b[0m' }), ruleId: 'SEC-04', line: BODY, column: 1, words: 'U+001B' },
  { name: 'vertical tab in the title', text: item({ title: '标题\u000b换行' }), ruleId: 'SEC-04', line: 2, column: 10, words: 'U+000B' },
  { name: 'form feed in the body', text: item({ body: '第一页\u000c第二页' }), ruleId: 'SEC-04', line: BODY, column: 4, words: 'U+000C' },
  { name: 'DEL in the source field', text: item({ extra: 'author: 张\u007f三\n' }), ruleId: 'SEC-04', line: 6, column: 10, words: 'U+007F' },
  { name: 'C1 NEL in the body', text: item({ body: '正文\u0085内容' }), ruleId: 'SEC-04', line: BODY, column: 3, words: 'U+0085' },
  { name: 'C1 CSI in the body', text: item({ body: 'a\u009b31mb' }), ruleId: 'SEC-04', line: BODY, column: 2, words: 'U+009B' },
  { name: 'NUL in a description line of front matter', text: item({ extra: 'description: 摘要\u0000\n' }), ruleId: 'SEC-04', line: 6, column: 16, words: '空字符' },
  // Hidden characters in YAML texts: refused at the field's line, the character's column.
  { name: 'zero-width space in the title', text: item({ title: '关于\u200b开展检查的通知' }), ruleId: 'SEC-04', line: 2, column: 10, words: 'U+200B' },
  { name: 'right-to-left override in the title', text: item({ title: '通知\u202efdp.exe' }), ruleId: 'SEC-04', line: 2, column: 10, words: '双向文字控制符（U+202E）' },
  { name: 'left-to-right isolate in source', text: item({ extra: 'issuer: 测试市\u2066人民政府\n' }), ruleId: 'SEC-04', line: 6, column: 12, words: 'U+2066' },
  { name: 'Arabic letter mark in author', text: item({ extra: 'author: 张三\u061c\n' }), ruleId: 'SEC-04', line: 6, column: 11, words: 'U+061C' },
  { name: 'left-to-right mark in docNumber', text: item({ extra: 'docNumber: 测政发〔2026〕1号\u200e\n' }), ruleId: 'SEC-04', line: 6, words: 'U+200E' },
  { name: 'soft hyphen in the title', text: item({ title: '机\u00ad密工作' }), ruleId: 'SEC-04', line: 2, column: 9, words: 'U+00AD' },
  { name: 'zero-width joiner in a keyword', text: item({ extra: 'keywords: [数字\u200d政府]\n' }), ruleId: 'SEC-04', line: 6, column: 14, words: 'U+200D' },
  { name: 'BOM inside the title', text: item({ title: '通知\ufeff' }), ruleId: 'SEC-04', line: 2, column: 10, words: 'U+FEFF' },
  { name: 'line separator in the description', text: item({ extra: 'description: 第一句\u2028第二句\n' }), ruleId: 'SEC-04', line: 6, words: '特殊换行符（U+2028）' },
  { name: 'zero-width space as a YAML escape', text: item({ title: '"秘\\u200b密★一年"' }), ruleId: 'SEC-04', line: 2, column: 8, words: 'U+200B' },
  { name: 'NUL as a YAML escape', text: item({ title: '"标题\\0"' }), ruleId: 'SEC-04', line: 2, words: '空字符（U+0000）' },
  { name: 'ESC as a YAML escape', text: item({ extra: 'description: "\\e[2J清屏"\n' }), ruleId: 'SEC-04', line: 6, words: 'U+001B' },
  { name: 'zero-width space in a field name', text: item({ extra: 'aut\u200bhor: 张三\n' }), ruleId: 'SEC-04', line: 6, column: 4, words: '字段名' },
  { name: 'tag character in the title', text: item({ title: '通知\u{E0041}' }), ruleId: 'SEC-04', line: 2, words: 'U+E0041' },
  // The content rules match what a reader sees, and point at the original character.
  { name: 'CONT-06 split by a zero-width space', text: item({ body: '本文件为秘\u200b密★一年。' }), ruleId: 'CONT-06', line: BODY, column: 5, words: '秘密★一年' },
  { name: 'CONT-06 split by a soft hyphen', text: item({ body: '标注：机\u00ad密级' }), ruleId: 'CONT-06', line: BODY, column: 4, words: '机密级' },
  { name: 'CONT-06 split by a bidi control', text: item({ body: '内部\u202c资料 注意保存' }), ruleId: 'CONT-06', line: BODY, column: 1, words: '内部资料 注意保存' },
  { name: 'CONT-06 with a word joiner and a variation selector', text: item({ body: '（涉\u2060密\ufe00）' }), ruleId: 'CONT-06', line: BODY, column: 1, words: '（涉密）' },
  { name: 'CONT-06 with a CJK compatibility ideograph (NFC)', text: item({ body: '内部资\uf9be 注意保存' }), ruleId: 'CONT-06', line: BODY, column: 1, words: '内部资料 注意保存' },
  { name: 'CONT-07 phone split by zero-width spaces', text: item({ body: '联系人：李女士，138\u200b1234\u200b5678' }), ruleId: 'CONT-07', line: BODY, column: 9, words: '138****5678' },
  { name: 'CONT-08 ad phrase split by a zero-width non-joiner', text: item({ body: '诚招\u200c加盟，欢迎来电。' }), ruleId: 'CONT-08', line: BODY, column: 1, words: '诚招加盟' },
  { name: 'CONT-09 wrong name with a Kangxi radical', text: item({ body: '中华\u2f08民共合国成立以来' }), ruleId: 'CONT-09', line: BODY, column: 1, words: '中华人民共合国' },
  // Control characters written as character references in JSX attributes (decoded by the parser).
  { name: 'U+0001 as a reference in an alt attribute', text: item({ body: '<abbr title="国&#1;办">国办</abbr>' }), ruleId: 'SEC-04', line: BODY, column: 7, words: 'U+0001' },
  { name: 'ESC as a reference in an attribute', text: item({ body: '<abbr title="&#27;[31m">国办</abbr>' }), ruleId: 'SEC-04', line: BODY, words: 'U+001B' },
];

const fileOf = (index: number) => `content/alpha/news/hyg-${index + 1}.mdx`;

let root: string;
let found: Diagnostic[];

beforeAll(async () => {
  ({ root, found } = await loadWithFiles(cases.map((c, i) => [fileOf(i), c.text])));
});
afterAll(() => removePlatform(root));

describe('SEC-04 hidden characters and the content rules', () => {
  it.each(cases.map((c, i) => [c.name, c, fileOf(i)] as const))('%s', (_name, c, file) => {
    const d = findingAt(found, file, c.ruleId, c.line);
    if (c.column !== undefined) expect(d.column).toBe(c.column);
    expect(d.message).toContain(c.words);
    expect(d.fix.length).toBeGreaterThan(0);
    // The message never carries the character itself.
    // eslint-disable-next-line no-control-regex
    expect(d.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
  });

  it('refuses a NUL in one site.yaml and a bidi control in another, at their lines', async () => {
    // A site with a broken site.yaml loads no items: a platform of its own.
    const dir = copyPlatform('mini');
    let found: Diagnostic[];
    try {
      writeText(dir, 'sites/alpha/site.yaml', readText(dir, 'sites/alpha/site.yaml').replace(/^organizer: (.*)$/m, 'organizer: $1\u0000'));
      writeText(dir, 'sites/beta/site.yaml', readText(dir, 'sites/beta/site.yaml').replace(/^name: (.*)$/m, 'name: $1\u202e'));
      found = [...(await loadPlatform(dir, '2026-11-22 10:00')).values()].flatMap((site) => site.diagnostics);
    } finally {
      removePlatform(dir);
    }
    const alpha = found.find((d) => d.file === 'sites/alpha/site.yaml' && d.ruleId === 'SEC-04');
    const beta = found.find((d) => d.file === 'sites/beta/site.yaml' && d.ruleId === 'SEC-04');
    expect(alpha).toMatchObject({ line: 4, column: 22 });
    expect(alpha!.message).toContain('U+0000');
    expect(beta).toMatchObject({ line: 1, field: 'name' });
    expect(beta!.message).toContain('U+202E');
  });
});

describe('visibleText', () => {
  it('maps each character of the matched text back to the original', () => {
    const { text, origin } = visibleText('a\u200bb\u00adc');
    expect(text).toBe('abc');
    expect(origin).toEqual([0, 2, 4, 5]);
  });

  it('composes decomposed letters (NFC) and folds radicals to ideographs', () => {
    expect(visibleText('Cafe\u0301').text).toBe('Café');
    expect(visibleText('\u2f08').text).toBe('人');
    expect(visibleText('\uf9be').text).toBe('料');
  });

  it('leaves ordinary text alone', () => {
    const plain = '测试市人民政府关于做好冬季供暖工作的通知';
    expect(visibleText(plain)).toEqual({ text: plain });
  });
});

describe('decodeSource', () => {
  it('reports control characters on several lines, one finding a line', () => {
    const result = decodeSource(Buffer.from('a\u0000\u0000b\nc\u0001\n'), 'content/x/y/z.mdx');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([
      ['SEC-04', 1, 2],
      ['SEC-04', 2, 2],
    ]);
  });

  it('keeps tabs, newlines and CRLF (normalised)', () => {
    expect(decodeSource(Buffer.from('a\tb\r\nc\rd'), 'content/x/y/z.mdx')).toEqual({ ok: true, text: 'a\tb\nc\nd' });
  });
});

describe('the CLI', () => {
  it('refuses a NUL in an item, builds the other site, and publishes no NUL anywhere', () => {
    const dir = copyPlatform('mini');
    try {
      const file = 'content/alpha/news/nul-payload.mdx';
      writeText(dir, file, item({ title: '标题NULMARKER\u0000', body: '正文\u0000NULMARKER' }));
      const result = runCli(['build', '--root', dir, '--now', '2026-11-22 10:00']);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain(`${file}:2`);
      expect(result.output).toContain('[SEC-04]');
      expect(result.output).not.toContain('\u0000');
      expect(result.output).toMatch(/✔ beta/);
      const dist = path.join(dir, 'dist');
      for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const bytes = readFileSync(path.join(entry.parentPath, entry.name));
        if (/\.(?:html|xml|json|txt|js|css)$/.test(entry.name)) expect(bytes.includes(0), entry.name).toBe(false);
        expect(bytes.toString('latin1')).not.toContain('NULMARKER');
      }
    } finally {
      removePlatform(dir);
    }
  });
});
