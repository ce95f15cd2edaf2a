// Issue 23 (1): whatever the checker and the compiler disagree on cannot run. The MDX compile
// that renders pages is given only the checked body (checked-body.ts) and refuses code itself
// (plugins/mdx-data-only.ts). These run the real compile — the direct render of the item page,
// which uses the same plugin list as Astro's MDX modules (body-processor.ts) — on bodies that
// never passed the checker, and assert that none of them runs or renders.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedBody, checkedModuleSource } from '../../plugins/astro-govsite/checked-body.ts';
import { bodyHash } from '../../src/content/body-hash.ts';
import { directBody } from '../../plugins/astro-govsite/direct-body.ts';
import { parseContentError } from '../../src/diagnostics/content-error.ts';
import { splitFrontMatter } from '../../src/content/front-matter.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'govsite-compile-guard-'));
const canary = path.join(dir, 'pwned');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FRONT = '---\ntitle: 标题\npubDate: 2026-11-20 09:30\nsource: 测试\n---\n';
const RUN = `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(canary)}, 'x')`;

let count = 0;
function item(body: string, name = `i${count++}`): { file: string; hash: string } {
  const folder = path.join(dir, 'content', 'alpha', 'news', name);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'index.mdx');
  writeFileSync(file, FRONT + body);
  return { file, hash: bodyHash(splitFrontMatter(FRONT + body, 'x').split!.body) };
}

async function refusal(body: string): Promise<{ ruleId: string; line?: number } | undefined> {
  const { file, hash } = item(body);
  const error = await directBody(file, hash).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  if (!error) return undefined;
  return parseContentError(error.message) ?? { ruleId: `other: ${error.message.slice(0, 80)}` };
}

describe('SEC: the compile refuses code in a body that never passed the checker', () => {
  it.each([
    ['an expression', `正文{${RUN}}`, 'CONT-16'],
    ['a flow expression', `{${RUN}}`, 'CONT-16'],
    ['an expression hidden behind a comment', `{/* 注释 */ ${RUN}}`, 'CONT-16'],
    ['an expression after a line comment', `{// 注释\n${RUN}}`, 'CONT-16'],
    ['an expression between "// /*" and "// */" (a regex and JavaScript read it differently)', `{// /*\n${RUN}\n// */\n}`, 'CONT-16'],
    ['an expression after a block comment and a line comment', `{/* a */ // b\n${RUN}}`, 'CONT-16'],
    ['an expression inside a paragraph between fake comments', `文字{// /*\n${RUN}\n// */\n}文字`, 'CONT-16'],
    ['an import', `import fs from 'node:fs'\n\n正文`, 'CONT-16'],
    ['an export', `export const x = ${RUN}\n\n正文`, 'CONT-16'],
    ['an attribute expression', `<img src="./a.png" alt={${RUN}} />`, 'CONT-16'],
    ['a spread attribute', `<img {...{ src: 'x' }} alt="a" />`, 'CONT-16'],
    ['a script element', '<script>alert(1)</script>', 'CONT-16'],
    ['a component outside the allowlist', '<Fragment>文字</Fragment>', 'CONT-16'],
    ['an event handler', '<img src="./a.png" alt="图" onerror="alert(1)" />', 'CONT-16'],
    ['set:html', '<sup set:html="<script>alert(1)</script>">1</sup>', 'CONT-16'],
    ['a style attribute', '<small style="display:none">暗链</small>', 'CONT-16'],
    ['a Pagefind attribute that files the page under another site', '<abbr title="说明" data-pagefind-filter="site:测试市发展和改革委员会">简称</abbr>', 'CONT-16'],
    ['an id that takes the place of the search form', '<abbr title="说明" id="search-form">简称</abbr>', 'CONT-16'],
    ['a class of the site\'s notices', '<small class="site-notice">假通知</small>', 'CONT-16'],
    ['an image from another site', '![图](https://evil.example.com/pixel.png)', 'SEC-01'],
    ['an <img> from another site', '<img src="https://evil.example.com/pixel.png" alt="图" />', 'SEC-01'],
    ['a javascript: link', '[点这里](javascript:alert(1))', 'SEC-02'],
    ['an entity-encoded javascript: link', '[点这里](&#106;avascript:alert(1))', 'SEC-02'],
    ['a javascript: definition', '[点这里][x]\n\n[x]: JAVASCRIPT:alert(1)', 'SEC-02'],
    ['a data: image', '![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)', 'SEC-02'],
    ['a data:text/javascript link', '[点这里](data:text/javascript,alert(1))', 'SEC-02'],
    ['a javascript: src on <img>', '<img src="javascript:alert(1)" alt="图" />', 'SEC-02'],
    ['an image with ?raw', '![x](./a.png?raw)', 'SEC-01'],
    ['an image escaping the item folder', '![x](../../../../../../../../proc/self/environ)', 'SEC-01'],
    ['an image escaping with %2e%2e', '![x](%2e%2e/%2e%2e/secret.png)', 'SEC-01'],
    ['an image that is a script (Astro imports body images)', '![x](./evil.js)', 'SEC-01'],
    ['an image named like a package', '![x](some-package/x.png)', 'SEC-01'],
    ['an <img> of another MDX module', '<img src="./other.mdx" alt="图" />', 'SEC-01'],
    ['an absolute file path', '![x](/etc/hostname.png)', 'SEC-01'],
    ['an iframe from a host not on the list', '<iframe src="https://evil.example.com/"></iframe>', 'CONT-16'],
  ])('%s', async (_name, body, ruleId) => {
    expect((await refusal(body))?.ruleId).toBe(ruleId);
    expect(existsSync(canary)).toBe(false);
  });

  it('the error names the line in the file, front matter counted', async () => {
    expect(await refusal(`第一段。\n\n{${RUN}}`)).toMatchObject({ ruleId: 'CONT-16', line: 8 });
  });

  it('plain text, tables, allowed HTML and comments still compile', async () => {
    expect(await refusal('正文。{/* 编辑备注 */}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n<sup>1</sup> [链接](https://www.gov.cn/) [信箱](mailto:a@b.gov.cn)')).toBeUndefined();
  });
});

describe('SEC: the compiler is given the checked body, never the file as it is', () => {
  it('a front matter closed by a look-alike fence is an error at that line, not a shorter front matter', () => {
    const text = `---\ntitle: 标题\ndescription: 摘要{${RUN}}\n ---\n\n正文\n`;
    const result = splitFrontMatter(text, 'content/alpha/news/a.mdx');
    expect(result.split).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'FILE-02', line: 4 });
  });

  it.each([' ---', '---x', '----', '\t---', '+++', '...'])('the look-alike fence %j is refused', (fence) => {
    const result = splitFrontMatter(`---\ntitle: 标题\n${fence}\n---\n正文\n`, 'a.mdx');
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'FILE-02', line: 3 });
  });

  it('a module gets an empty front matter and the body on its file lines', async () => {
    const { file, hash } = item('---\n\n分隔线之后的正文\n');
    const source = await checkedModuleSource(file, hash);
    expect(source.startsWith('---\n---\n')).toBe(true);
    expect(source.split('\n')[5]).toBe('---');
    expect(source.split('\n')[7]).toBe('分隔线之后的正文');
  });

  it('a file changed after the check is refused, not compiled', async () => {
    const { file, hash } = item('检查过的正文');
    writeFileSync(file, `${FRONT}{${RUN}}`);
    const error = (await checkedBody(file, hash).catch((e: unknown) => e)) as Error;
    expect(parseContentError(error.message)).toMatchObject({ ruleId: 'FILE-06' });
    const direct = (await directBody(file, hash).catch((e: unknown) => e)) as Error;
    expect(parseContentError(direct.message)).toMatchObject({ ruleId: 'FILE-06' });
    expect(existsSync(canary)).toBe(false);
  });
});
