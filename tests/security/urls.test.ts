// SEC-02 wherever a URL reaches a page from content (issue 23, items 4 and 5): every URL field of
// the front matter (reprint.url, image, attachments[].file) and every URL of a body (links,
// images, reference definitions, JSX attributes such as <img src>, srcset, <MapImage src>)
// through the one allowlist, src/security/url-policy.ts — with the spellings a browser accepts for
// a script URL: case, leading controls, tabs, character references, data:, vbscript:, file:.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { checkUrl } from '../../src/security/url-policy.ts';
import { copyPlatform, removePlatform, runCli, writeText } from '../helpers/platform.ts';
import { BODY, findingAt, item } from '../helpers/findings.ts';

const reprint = (url: string) => item({ extra: `reprint: { site: 中国政府网, url: ${url} }\n` });

interface Case {
  name: string;
  text: string;
  ruleId: string;
  line: number;
  words: string;
}

const FM = 6;
const cases: Case[] = [
  // Front matter.
  { name: 'reprint url javascript: (the reproduction)', text: reprint('"javascript:alert(1)"'), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'reprint url in mixed case', text: reprint('"JaVaScRiPt:alert(1)"'), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'reprint url with a leading space', text: reprint('" javascript:alert(1)"'), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'reprint url with a tab inside (YAML escape)', text: reprint('"java\\tscript:alert(1)"'), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'reprint url with a numeric reference', text: reprint('"&#106;avascript:alert(1)"'), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'reprint url with &Tab;', text: reprint('"java&Tab;script:alert(1)"'), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'reprint url data:text/javascript', text: reprint('"data:text/javascript,alert(1)"'), ruleId: 'SEC-02', line: FM, words: 'data:' },
  { name: 'reprint url data:image/svg+xml', text: reprint('"data:image/svg+xml,<svg onload=alert(1)>"'), ruleId: 'SEC-02', line: FM, words: 'data:' },
  { name: 'reprint url vbscript:', text: reprint('"vbscript:msgbox(1)"'), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'reprint url file:', text: reprint('"file:///etc/passwd"'), ruleId: 'SEC-02', line: FM, words: '“file:”' },
  { name: 'reprint url with a leading control character (YAML escape)', text: reprint('"\\x01javascript:alert(1)"'), ruleId: 'SEC-04', line: FM, words: 'U+0001' },
  { name: 'reprint url mailto: (not a web page)', text: reprint('"mailto:ban@ceshi.gov.cn"'), ruleId: 'CONT-02', line: FM, words: '不是邮件或电话地址' },
  { name: 'image javascript:', text: item({ extra: 'image: "javascript:alert(1)"\nimageAlt: 图\n' }), ruleId: 'SEC-02', line: FM, words: '脚本' },
  { name: 'attachment file data:', text: item({ extra: 'attachments:\n  - { file: "data:text/html,<script>alert(1)</script>", title: 附件 }\n' }), ruleId: 'SEC-02', line: FM + 1, words: 'data:' },
  // Body.
  { name: 'link javascript:', text: item({ body: '[链接](javascript:alert(1))' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: 'link in upper case', text: item({ body: '[链接](JAVASCRIPT:alert(1))' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: 'link with a numeric reference', text: item({ body: '[链接](&#106;avascript:alert(1))' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: 'link with &Tab;', text: item({ body: '[链接](java&Tab;script:alert(1))' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: 'link with a literal tab in <…>', text: item({ body: '[链接](<java\tscript:alert(1)>)' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: 'link with a double-encoded reference', text: item({ body: '[链接](&amp;#106;avascript:alert(1))' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: 'image data:image/svg+xml', text: item({ body: '![图](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)' }), ruleId: 'SEC-02', line: BODY, words: 'data:' },
  { name: 'link data:text/javascript', text: item({ body: '文字\n\n[x](data:text/javascript,alert(1))' }), ruleId: 'SEC-02', line: BODY + 2, words: 'data:' },
  { name: 'link data:text/html base64', text: item({ body: '[x](data:text/html;base64,PHNjcmlwdD4=)' }), ruleId: 'SEC-02', line: BODY, words: 'data:' },
  { name: 'link vbscript:', text: item({ body: '[x](vbscript:msgbox(1))' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: 'link file:', text: item({ body: '[x](file:///etc/passwd)' }), ruleId: 'SEC-02', line: BODY, words: '“file:”' },
  { name: 'reference definition javascript:', text: item({ body: '见[说明][r]。\n\n[r]: javascript:alert(1)' }), ruleId: 'SEC-02', line: BODY + 2, words: '链接定义' },
  { name: 'unused reference definition', text: item({ body: '正文。\n\n[r]: <javascript:alert(1)>' }), ruleId: 'SEC-02', line: BODY + 2, words: '链接定义' },
  { name: '<img src> javascript:', text: item({ body: '<img src="javascript:alert(1)" alt="x" />' }), ruleId: 'SEC-02', line: BODY, words: '<img> 的 src' },
  { name: '<img src> with a hex reference', text: item({ body: '<img src="&#x6A;avascript:alert(1)" alt="x" />' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: '<img SRC> in upper case', text: item({ body: '<img SRC="javascript:alert(1)" alt="x" />' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: '<img srcset> candidate', text: item({ body: '<img src="./a.png" srcset="./a.png 1x, javascript:alert(1) 2x" alt="x" />' }), ruleId: 'SEC-02', line: BODY, words: 'srcset' },
  { name: '<MapImage src> data:', text: item({ body: '<MapImage src="data:image/svg+xml,<svg/onload=alert(1)>" alt="地图" reviewNumber="GS(2024)1234号" />' }), ruleId: 'SEC-02', line: BODY, words: 'data:' },
  { name: '<iframe src> javascript:', text: item({ body: '<iframe src="javascript:alert(1)" title="视频"></iframe>' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
  { name: '<a href> javascript: (a forbidden element, still its URL)', text: item({ body: '<a href="javascript:alert(1)">点此</a>' }), ruleId: 'SEC-02', line: BODY, words: '脚本' },
];

const fileOf = (index: number) => `content/alpha/news/url-${index + 1}.mdx`;
const ALLOWED = 'content/alpha/news/url-allowed.mdx';

let root: string;
let found: Diagnostic[];

beforeAll(async () => {
  root = copyPlatform('mini');
  cases.forEach((c, i) => writeText(root, fileOf(i), c.text));
  writeText(
    root,
    ALLOWED,
    item({
      extra: 'reprint: { site: 中国政府网, url: "https://www.gov.cn/zhengce/2026-11/20/content_1.htm" }\n',
      body: '[国务院](https://www.gov.cn/) [旧站](http://www.ceshi.gov.cn/) [邮件](mailto:ban@ceshi.gov.cn) [电话](tel:0590-12345678) [站内](/news/city-work-meeting/) [锚点](#top) [同级](./other/) [协议相对](//www.gov.cn/)\n\n<abbr title="国务院办公厅">国办</abbr>',
    }),
  );
  found = [...(await loadPlatform(root, '2026-11-22 10:00')).values()].flatMap((site) => site.diagnostics);
});
afterAll(() => removePlatform(root));

describe('SEC-02 URLs in front matter and bodies', () => {
  it.each(cases.map((c, i) => [c.name, c, fileOf(i)] as const))('%s', (_name, c, file) => {
    const d = findingAt(found, file, c.ruleId, c.line);
    expect(d.message).toContain(c.words);
    if (c.ruleId === 'SEC-02') expect(d.fix).toContain('https://');
  });

  it('lets https, http, mailto, tel, relative, anchors and protocol-relative URLs pass', () => {
    expect(found.filter((d) => d.file === ALLOWED && d.ruleId.startsWith('SEC')).map(formatDiagnostic)).toEqual([]);
  });

  it('judges URLs in one place: CONT-16 no longer reports a URL', () => {
    const cont16 = found.filter((d) => d.ruleId === 'CONT-16' && /地址|链接/.test(d.message) && /javascript|data:/i.test(d.message));
    expect(cont16.map(formatDiagnostic)).toEqual([]);
  });
});

describe('checkUrl', () => {
  // Found in review: `&plus;` was not decoded, so `web&plus;x:` passed as a relative URL while a
  // browser reads the scheme `web+x:` (the prefix of protocol handlers a page can register).
  it.each(['web&plus;evil:payload', 'svn&plus;ssh://host/x', 'web&amp;plus;evil:x'])('refuses the scheme spelled with a reference in %s', (url) => {
    expect(checkUrl(url).ok).toBe(false);
  });

  // What a browser reads as a relative URL stays one (not a script): these are no bypass.
  it.each(['\u2028javascript:x', 'ja\u00advascript:x', 'javascript\uff1ax', '%6Aavascript:x'])('treats %j as the relative URL a browser sees', (url) => {
    expect(checkUrl(url)).toEqual({ ok: true });
  });
});

describe('the CLI', () => {
  it('refuses the reproduction in validate and build; no script URL is published; the other site builds', () => {
    const dir = copyPlatform('mini');
    try {
      const file = 'content/alpha/news/reprint-js.mdx';
      const bodyFile = 'content/alpha/news/body-data-url.mdx';
      writeText(dir, file, item({ extra: 'reprint: { site: 中国政府网, url: "javascript:alert(\'URLMARKER\')" }\n' }));
      writeText(dir, bodyFile, item({ body: '[点此](data:text/html,URLMARKER)' }));
      const validate = runCli(['validate', '--root', dir, '--now', '2026-11-22 10:00']);
      expect(validate.status).not.toBe(0);
      expect(validate.output).toContain(`${file}:6`);
      expect(validate.output).toContain(`${bodyFile}:${BODY}`);
      expect(validate.output).toContain('[SEC-02]');
      const build = runCli(['build', '--root', dir, '--now', '2026-11-22 10:00']);
      expect(build.status).not.toBe(0);
      expect(build.output).toContain('[SEC-02]');
      expect(build.output).toMatch(/✔ beta/);
      for (const entry of readdirSync(path.join(dir, 'dist'), { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) expect(readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'), entry.name).not.toContain('URLMARKER');
      }
    } finally {
      removePlatform(dir);
    }
  });
});
