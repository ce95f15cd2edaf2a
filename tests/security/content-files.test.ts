// Issue 23 item 2: files named by content resolve only inside the content. Body images (Markdown,
// reference-style, <img src/srcset>, <MapImage>), links to files, attachments, `image:` and
// site.yaml's logo name files of the item's folder or the site's assets: no `..` (also encoded),
// no absolute path, no `file:`, no `?`/`#` suffix (`?raw` printed the build machine's environment,
// `?url` its files), no hidden path, no bare package path. And what is published as it is (every
// file of an item's folder and of sites/<id>/assets/) is of a type browsers do not run, within
// the size and pixel limits (SEC-05). The old code refused none of these: the reproductions
// passed `validate`, and `build` printed the environment as "构建程序出错（不是内容问题）".
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { parseReference } from '../../src/security/content-paths.ts';
import { projectRoot } from '../../src/util/paths.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const HALL = 'content/alpha/policies/open-data-rules/hall.png';

/** An item with front matter on lines 1–6 (`extra` from line 6) and the body from line 8. */
function item(options: { extra?: string; body?: string }): string {
  return `---\ntitle: 测试市政务公开工作动态\npubDate: 2026-11-21 10:00\nsource: 测试市人民政府办公室\nreviewedBy: 刘敏\n${options.extra ?? ''}---\n\n${options.body ?? '正文。'}\n`;
}
const FM = 6;
const BODY = 8;

describe('parseReference: what a reference may be, judged on the string', () => {
  it.each([
    ['../x.png', '..'],
    ['./a/../../x.png', '..'],
    ['%2e%2e/%2e%2e/etc/hostname', '..'],
    ['.%2E/x.png', '..'],
    ['..%2Fx.png', '编码'],
    ['%252e%252e/x.png', '编码'],
    ['./a.png%3Fraw', '编码'],
    ['./a.png?raw', '?'],
    ['./a.png?url', '?'],
    ['./a.png?inline', '?'],
    ['./a.png?worker', '?'],
    ['./a.png?', '?'],
    ['./a.png#x', '#'],
    ['../../../../proc/self/environ?raw', '..'],
    ['..\\..\\x.png', '反斜杠'],
    ['/etc/passwd', '绝对路径'],
    ['file:///etc/passwd', 'file:'],
    ['FILE:/etc/passwd', 'file:'],
    ['C:/Windows/win.ini', '绝对路径'],
    ['//evil.example/x.png', '//'],
    ['./.secret/a.png', '隐藏'],
    ['.env', '隐藏'],
    ['a//b.png', '/'],
    ['./dir/', '目录'],
    ['&#46;&#46;/x.png', '转义'],
    ['./a\u0000.png', '控制字符'],
    ['%E4%B', '百分号'],
  ])('refuses %j', (written, words) => {
    const parsed = parseReference(written, { siteAssets: true, urls: true });
    expect(parsed.kind, JSON.stringify(parsed)).toBe('refused');
    if (parsed.kind === 'refused') expect(parsed.reason).toContain(words);
  });

  it.each([
    ['./hall.png', 'hall.png'],
    ['hall.png', 'hall.png'],
    ['./images/hall.png', 'images/hall.png'],
    ['./%E5%A4%A7%E5%8E%85.png', '大厅.png'],
    ['./方案 (2026).pdf', '方案 (2026).pdf'],
  ])('accepts %j as %j', (written, expected) => {
    expect(parseReference(written)).toMatchObject({ kind: 'file', path: expected, siteAsset: false });
  });

  it('accepts /assets/… only where a site asset may be named', () => {
    expect(parseReference('/assets/logo.svg', { siteAssets: true })).toMatchObject({ kind: 'file', path: 'assets/logo.svg', siteAsset: true });
    expect(parseReference('/assets/logo.svg').kind).toBe('refused');
    expect(parseReference('/assets/../../etc/passwd', { siteAssets: true }).kind).toBe('refused');
  });
});

interface Case {
  name: string;
  /** The item's text, written to content/alpha/news/<slug>/index.mdx with hall.png beside it. */
  text: string;
  ruleId: string;
  line: number;
  words?: string;
}

const image = (url: string) => item({ body: `![测试示意图](${url})` });
const cases: Case[] = [
  // The reproductions of issue 23 item 2.
  { name: 'proc/self/environ?raw', text: image('../../../../../../../../proc/self/environ?raw'), ruleId: 'SEC-01', line: BODY, words: '..' },
  { name: 'etc/passwd?raw', text: image('../../../../../../../../etc/passwd?raw'), ruleId: 'SEC-01', line: BODY },
  { name: 'etc/passwd?url', text: image('../../../../../../../../etc/passwd?url'), ruleId: 'SEC-01', line: BODY },
  { name: 'a real PNG of the machine', text: image('../../../../../../../../usr/share/doc/nodejs/osx_installer_logo.png'), ruleId: 'SEC-01', line: BODY },
  { name: 'image: ../../etc/hostname', text: item({ extra: 'image: ../../etc/hostname\nimageAlt: 题图\n' }), ruleId: 'SEC-01', line: FM },
  // Variants: suffixes, encodings, other ways out.
  { name: '?inline', text: image('./hall.png?inline'), ruleId: 'SEC-01', line: BODY, words: '?' },
  { name: '?worker', text: image('./hall.png?worker'), ruleId: 'SEC-01', line: BODY },
  { name: 'a fragment', text: image('./hall.png#x'), ruleId: 'SEC-01', line: BODY },
  { name: '%2e%2e', text: image('%2e%2e/%2e%2e/%2e%2e/etc/hostname.png'), ruleId: 'SEC-01', line: BODY },
  { name: '%2F', text: image('..%2F..%2Fsecret.png'), ruleId: 'SEC-01', line: BODY },
  { name: '%3F', text: image('./hall.png%3Fraw'), ruleId: 'SEC-01', line: BODY },
  { name: 'double encoding', text: image('%252e%252e/x.png'), ruleId: 'SEC-01', line: BODY },
  { name: 'character references', text: image('&#46;&#46;/&#46;&#46;/x.png'), ruleId: 'SEC-01', line: BODY },
  { name: 'an absolute path', text: image('/etc/hostname.png'), ruleId: 'SEC-01', line: BODY },
  { name: 'a protocol-relative URL', text: image('//evil.example/x.png'), ruleId: 'SEC-01', line: BODY },
  { name: 'a path in <…> with spaces', text: image('<./a b/../../x.png>'), ruleId: 'SEC-01', line: BODY },
  { name: 'a hidden folder', text: image('./.hidden/a.png'), ruleId: 'SEC-07', line: BODY },
  { name: 'a script imported as an image', text: image('./evil.js'), ruleId: 'SEC-01', line: BODY, words: '不是图片' },
  { name: 'an MDX file imported as an image', text: image('./other.mdx'), ruleId: 'SEC-01', line: BODY, words: '不是图片' },
  { name: 'a package path (resolved in node_modules)', text: image('playwright-core/lib/server/chromium/appIcon.png'), ruleId: 'SEC-01', line: BODY, words: './' },
  { name: 'a reference-style image', text: item({ body: '![测试示意图][r]\n\n[r]: ../../../etc/passwd?raw' }), ruleId: 'SEC-01', line: BODY },
  { name: '<img src>', text: item({ body: '<img src="../../../etc/hostname.png" alt="测试示意图" />' }), ruleId: 'SEC-01', line: BODY },
  { name: '<img src> with backslashes', text: item({ body: '<img src="..\\..\\secret.png" alt="测试示意图" />' }), ruleId: 'SEC-01', line: BODY, words: '反斜杠' },
  { name: '<img srcset>', text: item({ body: '<img src="./hall.png" srcset="./hall.png 1x, ../../x.png 2x" alt="测试示意图" />' }), ruleId: 'SEC-01', line: BODY },
  { name: '<MapImage src>', text: item({ body: '<MapImage src="../../../../etc/ditu.png" alt="测试示意图" reviewNumber="GS(2024)1234号" />' }), ruleId: 'SEC-01', line: BODY },
  { name: 'a link to a file outside', text: item({ body: '[公共数据开放实施方案](../../../../etc/passwd.pdf)' }), ruleId: 'SEC-01', line: BODY },
  { name: 'a link to a file with ?raw', text: item({ body: '[公共数据开放实施方案](./hall.png?raw)' }), ruleId: 'SEC-01', line: BODY },
  { name: 'an attachment outside', text: item({ extra: 'attachments:\n  - { file: ../../../../etc/passwd, title: 公共数据开放目录 }\n' }), ruleId: 'SEC-01', line: FM + 1 },
  // The front-matter schema refuses a file: URL in any field first (SEC-02, src/schema/fields.ts).
  { name: 'an attachment file:', text: item({ extra: 'attachments:\n  - { file: "file:///etc/passwd", title: 公共数据开放目录 }\n' }), ruleId: 'SEC-02', line: FM + 1, words: 'file:' },
  { name: 'an attachment with ?raw', text: item({ extra: 'attachments:\n  - { file: hall.png?raw, title: 公共数据开放目录 }\n' }), ruleId: 'SEC-01', line: FM + 1 },
  { name: 'image: an absolute path', text: item({ extra: 'image: /etc/hostname\nimageAlt: 题图\n' }), ruleId: 'SEC-01', line: FM },
  { name: 'image: ?raw', text: item({ extra: 'image: ./hall.png?raw\nimageAlt: 题图\n' }), ruleId: 'SEC-01', line: FM },
  { name: 'image: a web address', text: item({ extra: 'image: https://evil.example/x.png\nimageAlt: 题图\n' }), ruleId: 'SEC-01', line: FM },
  { name: 'image: not an image', text: item({ extra: 'image: ./notes.txt\nimageAlt: 题图\n' }), ruleId: 'SEC-01', line: FM },
  // A missing image is the editor's to fix, with the file and line (it stopped the build as "不是内容问题").
  { name: 'a missing image', text: image('./missing.png'), ruleId: 'CONT-13', line: BODY, words: '不存在' },
  { name: 'an image in a single-file item', text: image('./hall.png'), ruleId: 'CONT-13', line: BODY, words: '目录形式' },
];

const slug = (i: number) => `payload-${i}`;
const fileOf = (i: number) => (cases[i]!.name === 'an image in a single-file item' ? `content/alpha/news/${slug(i)}.mdx` : `content/alpha/news/${slug(i)}/index.mdx`);

describe('SEC-01 / CONT-13: files named by content, at the file and line', () => {
  let root: string;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    root = copyPlatform('mini');
    cases.forEach((c, i) => {
      writeText(root, fileOf(i), c.text);
      if (fileOf(i).endsWith('index.mdx')) copyFileSync(path.join(root, HALL), path.join(root, path.dirname(fileOf(i)), 'hall.png'));
    });
    diagnostics = (await loadPlatform(root)).get('alpha')!.diagnostics;
  });
  afterAll(() => removePlatform(root));

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i]!;
    const found = diagnostics.filter((d) => d.file === fileOf(i) && d.ruleId === c.ruleId);
    expect(found, diagnostics.filter((d) => d.file === fileOf(i)).map(formatDiagnostic).join('\n') || 'no findings').not.toEqual([]);
    expect(found[0]).toMatchObject({ severity: 'error', line: c.line });
    if (c.words) expect(found[0]!.message).toContain(c.words);
    expect(found[0]!.fix).not.toBe('');
  });

  it('accepts the plain ways of naming files', async () => {
    const plain = diagnostics.filter((d) => d.file.startsWith('content/alpha/policies/'));
    expect(plain.map(formatDiagnostic)).toEqual([]);
  });
});

describe('site.yaml logo: a file of the site assets', () => {
  it.each([
    ['../../../etc/hostname.svg', '..'],
    ['/evil.example/x.svg', '绝对路径'],
    ['https://evil.example/x.svg', '网址'],
    ['assets/logo.svg?raw', '?'],
    ['site.yaml', 'assets'],
  ])('refuses logo: %s', async (logo, words) => {
    const root = copyPlatform('mini');
    try {
      writeText(root, 'sites/alpha/site.yaml', readText(root, 'sites/alpha/site.yaml').replace('conacId:', `logo: "${logo}"\nconacId:`));
      const found = (await loadPlatform(root)).get('alpha')!.diagnostics.filter((d) => d.ruleId === 'SEC-01');
      expect(found.map(formatDiagnostic)).toHaveLength(1);
      expect(found[0]).toMatchObject({ file: 'sites/alpha/site.yaml', line: 9, field: 'logo' });
      expect(found[0]!.message).toContain(words);
    } finally {
      removePlatform(root);
    }
  });
});

/** A file of `size` bytes that starts with `head`: sparse, so a 101 MB file costs nothing. */
function sized(file: string, head: Buffer, size: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  closeSync(fd);
  truncateSync(file, size);
}

function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8;
  b[25] = 6;
  return b;
}

/** A JPEG whose frame header comes after 70 KB of EXIF (past the first block read). */
function jpegHeader(width: number, height: number): Buffer {
  const app1 = Buffer.alloc(4 + 65533);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(65535, 2);
  const app2 = Buffer.alloc(4 + 8000);
  app2.writeUInt16BE(0xffe2, 0);
  app2.writeUInt16BE(8002, 2);
  const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, app2, sof, Buffer.alloc(20)]);
}

function webpHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(32, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

const MB = 1024 * 1024;
const FILES = 'content/alpha/policies/files';
const published: Array<{ name: string; make: (file: string) => void; ruleId?: string; words?: string }> = [
  { name: 'big.pdf', make: (f) => sized(f, Buffer.from('%PDF-1.7\n'), 101 * MB), ruleId: 'SEC-05', words: '100.0 MB' },
  { name: 'scan.pdf', make: (f) => sized(f, Buffer.from('%PDF-1.7\n'), 30 * MB) },
  { name: 'poster.png', make: (f) => sized(f, pngHeader(2000, 3000), 21 * MB), ruleId: 'SEC-05', words: '20.0 MB' },
  { name: 'bomb.png', make: (f) => sized(f, pngHeader(20000, 20000), 4096), ruleId: 'SEC-05', words: '20000 × 20000' },
  { name: 'bomb.gif', make: (f) => sized(f, Buffer.from('GIF89a\xff\xff\xff\xff', 'latin1'), 4096), ruleId: 'SEC-05', words: '65535 × 65535' },
  { name: 'bomb.jpg', make: (f) => sized(f, jpegHeader(60000, 60000), 100_000), ruleId: 'SEC-05', words: '60000 × 60000' },
  { name: 'bomb.webp', make: (f) => sized(f, webpHeader(16000, 16000), 4096), ruleId: 'SEC-05', words: '16000 × 16000' },
  { name: 'photo.png', make: (f) => sized(f, pngHeader(4000, 3000), 4096) },
  // A data release's JSON (CONT-15): data, shown by a browser as text, never run.
  { name: 'data.json', make: (f) => writeText('/', f, '[{"月份":"7月","涨幅":0.2}]') },
  { name: 'page.html', make: (f) => writeText('/', f, '<script>alert(1)</script>'), ruleId: 'SEC-03', words: '.html' },
  { name: 'run.js', make: (f) => writeText('/', f, 'alert(1)'), ruleId: 'SEC-03', words: '.js' },
  { name: 'feed.xml', make: (f) => writeText('/', f, '<?xml version="1.0"?><x/>'), ruleId: 'SEC-03', words: '.xml' },
  { name: 'fake.png', make: (f) => writeText('/', f, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), ruleId: 'SEC-03', words: '网页或 SVG 代码' },
  { name: 'nested/inner.mdx', make: (f) => writeText('/', f, '---\ntitle: x\n---\n'), ruleId: 'SEC-03', words: '.mdx' },
];

describe('SEC-03 / SEC-05: every file published as it is', () => {
  let root: string;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    root = copyPlatform('mini');
    writeText(root, `${FILES}/index.mdx`, item({ body: '正文。' }));
    for (const p of published) p.make(path.join(root, FILES, p.name));
    diagnostics = (await loadPlatform(root)).get('alpha')!.diagnostics;
  });
  afterAll(() => removePlatform(root));

  it.each(published.map((p) => [p.name, p] as const))('%s', (_name, p) => {
    const found = diagnostics.filter((d) => d.file === `${FILES}/${p.name}`);
    if (!p.ruleId) {
      expect(found.map(formatDiagnostic)).toEqual([]);
      return;
    }
    expect(found.map(formatDiagnostic)).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: p.ruleId, severity: 'error', line: 1 });
    expect(found[0]!.message).toContain(p.words);
  });
});

describe('the reproductions through the CLI: validate and build refuse, and print nothing of the machine', () => {
  const canary = `canary-${process.pid}-${Date.now().toString(36)}`;
  const env = { GOVSITE_TEST_DEPLOY_TOKEN: canary };
  let root: string;
  const repro: Record<string, string> = {
    environ: image('../../../../../../../../proc/self/environ?raw'),
    passwd: image('../../../../../../../../etc/passwd?raw'),
    'passwd-url': image('../../../../../../../../etc/passwd?url'),
    hostname: item({ extra: 'image: ../../etc/hostname\nimageAlt: 题图\n' }),
    missing: image('./missing.png'),
  };
  beforeAll(() => {
    root = copyPlatform('mini');
    for (const [name, text] of Object.entries(repro)) writeText(root, `content/alpha/news/${name}/index.mdx`, text);
    // A real PNG of this machine, named by a path out of the item's folder.
    const folder = path.join(root, 'content/alpha/news/host-png');
    const hostPng = path.join(projectRoot, 'node_modules/playwright-core/lib/server/chromium/appIcon.png');
    writeText(root, 'content/alpha/news/host-png/index.mdx', image(path.relative(folder, hostPng)));
  });
  afterAll(() => removePlatform(root));

  const machineData = (output: string) => {
    expect(output).not.toContain(canary);
    expect(output).not.toMatch(/root:x?:0:0/);
    expect(output).not.toContain('不是内容问题');
    expect(output).not.toContain(root);
  };

  it.each(['validate', 'build'])('%s exits non-zero with SEC-01 at each file and line', (command) => {
    const result = runCli([command, '--root', root], { env });
    expect(result.status, result.output).not.toBe(0);
    for (const name of ['environ', 'passwd', 'passwd-url', 'host-png']) expect(result.output).toContain(`content/alpha/news/${name}/index.mdx:${BODY}:1  错误 [SEC-01]`);
    expect(result.output).toContain(`content/alpha/news/hostname/index.mdx:${FM}:8  错误 [SEC-01]`);
    expect(result.output).toContain(`content/alpha/news/missing/index.mdx:${BODY}:1  错误 [CONT-13]`);
    machineData(result.output);
    if (command === 'build') {
      // The site with errors published nothing; the other site was built.
      expect(existsSync(path.join(root, 'dist/alpha'))).toBe(false);
      expect(existsSync(path.join(root, 'dist/beta/index.html'))).toBe(true);
      for (const entry of readdirSync(path.join(root, 'dist'), { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) expect(readFileSync(path.join(entry.parentPath, entry.name), 'latin1')).not.toContain(canary);
      }
    }
  });
});
