// SEC-05 YAML limits (issue 23, items 4 and 7): an alias bomb, too many aliases, nesting and
// entries beyond any real file are findings at the file's line — never an English stack trace
// (`Excessive alias count`), never a crash of another site's build, `validate` or `check`, never
// an aborted build run. Hostile front matters are written into one copy of `mini` and loaded once;
// the CLI runs show the isolation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { parseYaml, parseYamlValue } from '../../src/config/parse-yaml.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';
import { loadWithFiles } from '../helpers/findings.ts';

const NOW = ['--now', '2026-11-22 10:00'];

/** Nine nested anchors of nine aliases each: 9^9 values once expanded. */
function billionLaughs(indent = ''): string {
  const lines = [`${indent}lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  for (let i = 1; i < 9; i++) lines.push(`${indent}lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return lines.join('\n');
}

/** Front matter with the usual fields (lines 2–5), then `extra` from line 6. */
function item(extra: string): string {
  return `---\ntitle: 测试市政务公开工作动态\npubDate: 2026-11-21 10:00\nsource: 测试市人民政府办公室\nreviewedBy: 刘敏\n${extra}\n---\n\n正文。\n`;
}

interface Case {
  name: string;
  text: string;
  line: number;
  words: string;
}

const cases: Case[] = [
  // lol2 on line 8 holds the 10th–18th aliases, lol3 on line 9 the 19th–27th: the 21st is there.
  { name: 'billion laughs in front matter', text: item(billionLaughs()), line: 9, words: '引用（别名 *a2）太多' },
  { name: 'billion laughs inside a field group', text: item(`status:\n${billionLaughs('  ')}`), line: 10, words: '太多' },
  { name: '21 plain aliases', text: item(`description: &d 摘要\nkeywords: [${Array(21).fill('*d').join(', ')}]`), line: 7, words: '最多 20 个' },
  // 4 levels of 4 aliases (16 aliases, under the count) still expand 256-fold: refused on expansion.
  {
    name: 'few aliases that expand far',
    text: item(['b0: &b0 [x, x, x, x]', 'b1: &b1 [*b0, *b0, *b0, *b0]', 'b2: &b2 [*b1, *b1, *b1, *b1]', 'b3: &b3 [*b2, *b2, *b2, *b2]', 'b4: [*b3, *b3, *b3, *b3]'].join('\n')),
    line: 7,
    words: '别名炸弹',
  },
  { name: 'aliases used as keys', text: item(`k: &k title2\n${Array.from({ length: 21 }, (_, i) => `m${i}: { *k : v }`).join('\n')}`), line: 27, words: '太多' },
  { name: 'nesting 13 field groups deep', text: item(`status:\n${Array.from({ length: 13 }, (_, i) => `${'  '.repeat(i + 1)}n${i}:`).join('\n')} x`), line: 18, words: '嵌套超过 12 层' },
  { name: 'nesting 20 lists deep in flow style', text: item(`keywords: ${'['.repeat(20)}x${']'.repeat(20)}`), line: 6, words: '嵌套超过' },
  { name: 'nesting 50,000 lists deep (beyond the parser)', text: item(`keywords: ${'['.repeat(50_000)}${']'.repeat(50_000)}`), line: 6, words: '' },
  { name: 'a list of 1,001 entries in an unknown field', text: item(`extra: [${Array(1001).fill('x').join(',')}]`), line: 6, words: '1001 项' },
  { name: 'front matter of 140,000 characters', text: item(`x: "${'长'.repeat(140_000)}"`), line: 2, words: '前置信息有' },
];

const fileOf = (index: number) => `content/alpha/news/yaml-${index + 1}.mdx`;

let root: string;
let found: Diagnostic[];

beforeAll(async () => {
  ({ root, found } = await loadWithFiles(cases.map((c, i) => [fileOf(i), c.text])));
});
afterAll(() => removePlatform(root));

describe('SEC-05 hostile YAML in front matter', () => {
  it.each(cases.map((c, i) => [c.name, c, fileOf(i)] as const))('%s', (_name, c, file) => {
    const mine = found.filter((d) => d.file === file);
    expect(mine.map((d) => d.ruleId), mine.map(formatDiagnostic).join('\n')).toEqual(['SEC-05']);
    const d = mine[0]!;
    expect(d.line).toBe(c.line);
    expect(formatDiagnostic(d)).toContain(`${file}:${c.line}`);
    expect(d.message).toContain(c.words);
    expect(d.message).not.toMatch(/Excessive|exhaustion|stack/i);
    expect(d.fix.length).toBeGreaterThan(0);
  });

  it('reads a data file beside site.yaml with the same limits, never throwing', () => {
    const bomb = parseYamlValue({ text: billionLaughs(), file: 'sites/x/annual-figures.yaml', firstLine: 1 });
    expect(bomb.value).toBeUndefined();
    expect(bomb.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['SEC-05', 4]]);
    expect(parseYamlValue({ text: '网站总访问量: 9876543\n', file: 'sites/x/annual-figures.yaml', firstLine: 1 })).toEqual({ value: { 网站总访问量: 9876543 }, diagnostics: [] });
  });

  it('lets the few anchors an editor might write pass', () => {
    const parsed = parseYaml({ text: 'a: &x {p: 1}\nb: *x\nc: [*x, *x]', file: 'sites/x/site.yaml', firstLine: 1 });
    expect(parsed.diagnostics).toEqual([]);
  });
});

describe('the CLI with an alias bomb', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyPlatform('mini');
  });
  afterAll(() => removePlatform(dir));

  it('in one site.yaml: validate and check report it at its line; the other site still builds', () => {
    const site = 'sites/alpha/site.yaml';
    const before = readText(dir, site);
    const body = before.replace(/\n*$/, '\n');
    // lol0 comes after the file's lines; the 21st alias is on lol3's line (see billionLaughs).
    const bombLine = body.split('\n').length - 1 + 4;
    writeText(dir, site, `${body}${billionLaughs()}\n`);
    try {
      for (const command of ['validate', 'check']) {
        const result = runCli([command, '--root', dir, ...NOW]);
        expect(result.status, result.output).not.toBe(0);
        expect(result.output).toContain(`${site}:${bombLine}`);
        expect(result.output).toContain('[SEC-05]');
        expect(result.output).not.toMatch(/Excessive alias|ReferenceError|\n\s+at /);
        // The other site was checked, not stopped.
        expect(result.output).toMatch(/beta/);
      }
      const build = runCli(['build', '--root', dir, '--site', 'beta', ...NOW]);
      expect(build.status, build.output).toBe(0);
      expect(build.output).toMatch(/✔ beta/);
    } finally {
      writeText(dir, site, before);
    }
  });

  it('in sites/<id>/annual-figures.yaml: check runs to its end and the report names the file and line', () => {
    const file = 'sites/alpha/annual-figures.yaml';
    writeText(dir, file, `${billionLaughs()}\n`);
    try {
      const result = runCli(['check', '--root', dir, ...NOW]);
      expect(result.output).not.toMatch(/Excessive alias|不是内容问题|\n\s+at /);
      expect(result.output).toMatch(/beta/);
      const report = readFileSync(path.join(dir, 'reports', 'alpha', 'annual-figures.json'), 'utf8');
      expect(report).toContain(`${file}:4`);
      expect(report).toContain('[SEC-05]');
    } finally {
      writeText(dir, file, '独立用户访问总量: 1234567\n');
    }
  });

  it('in one item: the build run reports it at its line, and the other site is built', () => {
    const file = 'content/alpha/news/bomb.mdx';
    writeText(dir, file, item(billionLaughs()));
    const result = runCli(['build', '--root', dir, ...NOW]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${file}:9`);
    expect(result.output).toContain('[SEC-05]');
    expect(result.output).not.toMatch(/Excessive alias|ReferenceError|\n\s+at /);
    expect(result.output).toMatch(/✔ beta/);
  });
});
