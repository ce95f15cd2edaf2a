// Issue 23 (13): the reproductions and their variants in one real build of the `mini` platform,
// as a stolen editor account would commit them to site alpha. For every case: the rule ID at the
// file and line, and for the run as a whole: a non-zero exit, alpha's published output untouched,
// beta built, and no effect of a payload anywhere — no canary file, no marker (a string that only
// a payload that ran could write: it is never in the source), no secret of the environment, no
// line of a machine file, in dist/, in the log or on disk.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlatform, readText, removePlatform, runCli, treeHashes } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const SECRET = 'tok-7c1e5a0f9b2d4e68a3';
/** `PWNED-4711`, never written as such: only code that ran can produce it. */
const MARKER_CODE = "['P','W','N','E','D'].join('')+'-'+(4700+11)";
const MARKER = 'PWNED-4711';
let canary = '';

const FRONT = ['title: 测试市召开工作会议', 'pubDate: 2026-11-20 09:30', 'source: 测试市人民政府办公室', 'reviewedBy: 刘敏'];
const front = (...extra: string[]) => ['---', ...FRONT, ...extra, '---', ''].join('\n');
const run = () => `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(canary)}, ${MARKER_CODE})`;

interface Case {
  name: string;
  /** Path under content/alpha/news/. */
  file: string;
  write: (absolute: string) => void;
  ruleId: string;
  line: number;
  /** Where the finding is reported, when not the file written (under content/alpha/news/). */
  at?: string;
}

const text = (content: () => string) => (absolute: string) => writeFileSync(absolute, content());

const cases: Case[] = [
  { name: 'front matter closed by " ---" (the code-execution reproduction)', file: 'fence-space.mdx', ruleId: 'FILE-02', line: 8, write: text(() => ['---', ...FRONT, `description: 摘要{${run()}}`, 'author: 某某<script>alert(1)</script>', ' ---', '', '正文'].join('\n')) },
  { name: 'front matter closed by "---x"', file: 'fence-suffix.mdx', ruleId: 'FILE-02', line: 6, write: text(() => ['---', ...FRONT, '---x', `{${run()}}`, '---', '', '正文'].join('\n')) },
  { name: 'front matter closed by a tab and ---, CRLF', file: 'fence-tab-crlf.mdx', ruleId: 'FILE-02', line: 7, write: text(() => ['---', ...FRONT, `description: {${run()}}`, '\t---', '', '正文'].join('\r\n')) },
  { name: 'front matter after a BOM', file: 'bom.mdx', ruleId: 'FILE-01', line: 1, write: (f) => writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${front()}{${run()}}\n`)])) },
  { name: 'an expression in the body', file: 'expression.mdx', ruleId: 'CONT-16', line: 8, write: text(() => `${front()}\n正文{${run()}}\n`) },
  { name: 'an export in the body', file: 'export.mdx', ruleId: 'CONT-16', line: 7, write: text(() => `${front()}export const x = ${run()}\n\n正文\n`) },
  { name: 'code between "// /*" and "// */" (looked like a comment to a regex)', file: 'fake-comment.mdx', ruleId: 'CONT-16', line: 9, write: text(() => `${front()}\n正文\n{// /*\n${run()}\n// */\n}\n`) },
  { name: 'an image from another site', file: 'remote-image/index.mdx', ruleId: 'SEC-01', line: 7, write: text(() => `${front()}![图](https://evil.example.com/pixel.png)\n`) },
  { name: 'a Pagefind attribute filing the page under another site', file: 'pagefind-attribute.mdx', ruleId: 'CONT-16', line: 7, write: text(() => `${front()}<abbr title="说明" data-pagefind-filter="site:测试市数据管理局">简称</abbr>\n`) },
  { name: 'an event handler on an allowed element', file: 'onerror.mdx', ruleId: 'CONT-16', line: 7, write: text(() => `${front()}<sup onclick="alert(1)">1</sup>\n`) },
  { name: 'an image of /proc/self/environ?raw', file: 'environ/index.mdx', ruleId: 'SEC-01', line: 7, write: text(() => `${front()}![x](../../../../../../../../proc/self/environ?raw)\n`) },
  { name: 'an image of /etc/passwd?url', file: 'passwd/index.mdx', ruleId: 'SEC-01', line: 7, write: text(() => `${front()}![x](../../../../../../../../etc/passwd?url)\n`) },
  { name: 'an image of a machine file', file: 'machine-image/index.mdx', ruleId: 'SEC-01', line: 7, write: text(() => `${front()}![x](../../../../../../../../usr/share/pixmaps/debian-logo.png)\n`) },
  { name: 'an image inside the item with ?inline', file: 'inline/index.mdx', ruleId: 'SEC-01', line: 7, write: text(() => `${front()}![x](./photo.png?inline)\n`) },
  { name: 'image: outside the content', file: 'front-image/index.mdx', ruleId: 'SEC-01', line: 6, write: text(() => `${front('image: ../../etc/hostname', 'imageAlt: 图')}\n正文\n`) },
  { name: 'a javascript: reprint URL', file: 'reprint.mdx', ruleId: 'SEC-02', line: 6, write: text(() => `${front('reprint: { site: 中国政府网, url: "javascript:alert(1)" }')}\n正文\n`) },
  { name: 'a JaVaScRiPt: body link', file: 'link-case.mdx', ruleId: 'SEC-02', line: 7, write: text(() => `${front()}[点这里](JaVaScRiPt:alert(1))\n`) },
  { name: 'an entity-encoded javascript: link', file: 'link-entity.mdx', ruleId: 'SEC-02', line: 7, write: text(() => `${front()}[点这里](&#x6A;avascript:alert(1))\n`) },
  { name: 'a data:text/javascript link', file: 'link-data.mdx', ruleId: 'SEC-02', line: 7, write: text(() => `${front()}[点这里](data:text/javascript,alert(1))\n`) },
  { name: 'a bidi override in the title', file: 'bidi.mdx', ruleId: 'SEC-04', line: 2, write: text(() => front().replace('测试市召开工作会议', '测试市\u202e议会作工开召')) },
  { name: 'a NUL byte in the body', file: 'nul.mdx', ruleId: 'SEC-04', line: 7, write: text(() => `${front()}正文\u0000正文\n`) },
  { name: 'a zero-width space inside a classification mark', file: 'secret-mark.mdx', ruleId: 'CONT-06', line: 7, write: text(() => `${front()}本文件秘\u200b密★一年。\n`) },
  { name: 'a YAML alias bomb in front matter', file: 'alias-bomb.mdx', ruleId: 'SEC-05', line: 9, write: text(() => `${front()}\n正文\n`.replace('reviewedBy: 刘敏\n', `reviewedBy: 刘敏\nkeywords: &a [x, x, x, x, x, x, x, x, x]\n${'bcdefghij'.split('').map((k, i) => `x${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`).join('\n')}\n`)) },
  { name: 'a description of 100,000 characters', file: 'huge.mdx', ruleId: 'SEC-05', line: 6, write: text(() => `${front(`description: ${'长'.repeat(100_000)}`)}\n正文\n`) },
  { name: 'an SVG image with a script', file: 'svg/index.mdx', at: 'svg/chart.svg', ruleId: 'SEC-03', line: 1, write: (f) => { writeFileSync(path.join(path.dirname(f), 'chart.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><script>${run()}</script></svg>`); writeFileSync(f, `${front()}![示意图](./chart.svg)\n`); } },
  { name: 'a symlinked item pointing outside the repository', file: 'linked.mdx', ruleId: 'SEC-07', line: 1, write: (f) => { const outside = path.join(path.dirname(canary), 'outside.mdx'); writeFileSync(outside, `${front()}{${run()}}\n`); symlinkSync(outside, f); } },
  { name: 'a hidden item', file: '.hidden.mdx', ruleId: 'SEC-07', line: 1, write: text(() => `${front()}{${run()}}\n`) },
];

describe('SEC: a hostile commit to one site, built', () => {
  let root: string;
  let published: Record<string, string>;
  let output = '';
  let status = 0;
  beforeAll(() => {
    root = copyPlatform('mini');
    canary = path.join(root, 'canary');
    const first = runCli(['build', '--root', root, ...NOW]);
    expect(first.status, first.output).toBe(0);
    published = treeHashes(path.join(root, 'dist/alpha'));
    for (const c of cases) {
      const absolute = path.join(root, 'content/alpha/news', c.file);
      mkdirSync(path.dirname(absolute), { recursive: true });
      c.write(absolute);
    }
    const result = runCli(['build', '--root', root, ...NOW], { env: { CI_DEPLOY_TOKEN: SECRET } });
    output = result.output;
    status = result.status;
  });
  afterAll(() => removePlatform(root));

  it.each(cases)('$name: $ruleId at its file and line', (c) => {
    const file = `content/alpha/news/${c.at ?? c.file}`.replace(/\./g, '\\.');
    expect(output).toMatch(new RegExp(`${file}:${c.line}(?::\\d+)?\\s+\\S+ \\[${c.ruleId}\\]`));
  });

  it('fails, keeps alpha as published, builds beta', () => {
    expect(status).not.toBe(0);
    expect(output).toMatch(/✘ alpha/);
    expect(output).toMatch(/✔ beta/);
    expect(treeHashes(path.join(root, 'dist/alpha'))).toEqual(published);
  });

  it('no payload ran, and nothing of the machine reached the output or the log', () => {
    expect(existsSync(canary)).toBe(false);
    const everything = [output, ...Object.keys(treeHashes(path.join(root, 'dist'))).map((file) => readFileSync(path.join(root, 'dist', file), 'latin1'))].join('\n');
    for (const leak of [MARKER, SECRET, 'root:x:0:0', 'CI_DEPLOY_TOKEN', 'Excessive alias']) expect(everything).not.toContain(leak);
    expect(output).not.toMatch(/不是内容问题|\n\s+at \S+ \(/);
    expect(readText(root, 'content/alpha/news/huge.mdx').length).toBeGreaterThan(100_000);
  });

  it('validate and check --strict refuse the same commit', () => {
    for (const command of [['validate'], ['check', '--strict']]) {
      const result = runCli([...command, '--root', root, ...(command[0] === 'check' ? NOW : [])]);
      expect(result.status, command.join(' ')).not.toBe(0);
      for (const c of cases) expect(result.output, `${command[0]}: ${c.name}`).toContain(`[${c.ruleId}]`);
    }
    expect(existsSync(canary)).toBe(false);
  });
});
