// Issue 23 items 2, 8 and 11: symbolic links and hidden files under content/ and sites/. A link —
// an .mdx, an item folder, a column, an image, an attachment, a subfolder, a logo, the assets
// folder, a site.yaml, even one named like OS junk — is refused (SEC-07) with the file named, and
// never followed: nothing it points to is loaded, read into a message or published. Hidden files
// and folders (`.x.mdx`, `.secret/`, `.env`) are refused too instead of silently ignored; the
// junk operating systems leave (.DS_Store, Thumbs.db, desktop.ini) stays a quiet ignore and is
// not published. The old code followed a linked .mdx (it was published) and ignored hidden files.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform, type LoadedSite } from '../../src/rules/load-site.ts';
import { copyPlatform, readText, removePlatform, runCli, writeText } from '../helpers/platform.ts';

const canary = `canary-${process.pid}-${Date.now().toString(36)}`;
const POLICY = 'content/alpha/policies/open-data-rules';

/** Files outside the platform that links point to, each holding the canary. */
function outside(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'govsite-outside-'));
  const item = `---\ntitle: 外部文件${canary}\npubDate: 2026-11-21 10:00\nsource: 测试市人民政府办公室\nreviewedBy: 刘敏\n---\n\n${canary}\n`;
  writeFileSync(path.join(dir, 'secret.mdx'), item);
  writeFileSync(path.join(dir, 'secret.txt'), `${canary}\n`);
  writeFileSync(path.join(dir, 'logo.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><title>${canary}</title></svg>`);
  for (const folder of ['folder', 'column/item']) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, 'index.mdx'), item);
  }
  mkdirSync(path.join(dir, 'images'));
  copyFileSync(path.join(import.meta.dirname, '../fixtures/mini', POLICY, 'hall.png'), path.join(dir, 'images', 'outside.png'));
  return dir;
}

const link = (root: string, file: string, target: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  symlinkSync(target, path.join(root, file));
};

interface Case {
  name: string;
  apply: (root: string, out: string) => void;
  /** The file the finding names, and its line when it is in the content's text. */
  file: string;
  line?: number;
}

// The open-data-rules item names the linked files in its body (lines 16–17) and attachments (line 9).
const cases: Case[] = [
  { name: 'a linked .mdx pointing outside the repository', apply: (r, o) => link(r, 'content/alpha/news/linked.mdx', path.join(o, 'secret.mdx')), file: 'content/alpha/news/linked.mdx' },
  { name: 'a linked item folder', apply: (r, o) => link(r, 'content/alpha/news/linked-folder', path.join(o, 'folder')), file: 'content/alpha/news/linked-folder' },
  { name: 'a linked column folder', apply: (r, o) => link(r, 'content/alpha/linked-column', path.join(o, 'column')), file: 'content/alpha/linked-column' },
  { name: 'a linked .mdx inside the content (to another item)', apply: (r) => link(r, 'content/alpha/news/twin.mdx', 'city-work-meeting.mdx'), file: 'content/alpha/news/twin.mdx' },
  { name: 'a dangling link', apply: (r) => link(r, 'content/alpha/news/dangling.mdx', '/nonexistent/x.mdx'), file: 'content/alpha/news/dangling.mdx' },
  { name: 'a link named like OS junk', apply: (r) => link(r, `${POLICY}/.DS_Store`, '/etc/passwd'), file: `${POLICY}/.DS_Store` },
  { name: 'a linked image (the file)', apply: (r, o) => link(r, `${POLICY}/linked.png`, path.join(o, 'images', 'outside.png')), file: `${POLICY}/linked.png` },
  { name: 'a linked image (where the body names it)', apply: () => undefined, file: `${POLICY}/index.mdx`, line: 16 },
  { name: 'a linked attachment (the file)', apply: (r, o) => link(r, `${POLICY}/linked.csv`, path.join(o, 'secret.txt')), file: `${POLICY}/linked.csv` },
  { name: 'a linked attachment (the field)', apply: () => undefined, file: `${POLICY}/index.mdx`, line: 9 },
  { name: 'a linked subfolder of an item', apply: (r, o) => link(r, `${POLICY}/sub`, path.join(o, 'images')), file: `${POLICY}/sub` },
  { name: 'a linked subfolder (where the body names a file in it)', apply: () => undefined, file: `${POLICY}/index.mdx`, line: 17 },
  { name: 'a linked logo', apply: (r, o) => link(r, 'sites/alpha/assets/logo.svg', path.join(o, 'logo.svg')), file: 'sites/alpha/assets/logo.svg' },
  { name: 'a linked assets folder', apply: (r, o) => link(r, 'sites/beta/assets', path.join(o, 'images')), file: 'sites/beta/assets' },
  {
    // Linked to a file of the machine: not a word of it may reach a message (it did: FILE-04 quoted its first line).
    name: 'a linked site.yaml',
    apply: (r, o) => {
      writeFileSync(path.join(o, 'passwd'), `${canary}:x:0:0:root:/root:/bin/bash\n`);
      link(r, 'sites/gamma/site.yaml', path.join(o, 'passwd'));
    },
    file: 'sites/gamma/site.yaml',
  },
  { name: 'a hidden .mdx', apply: (r) => writeText(r, 'content/alpha/news/.x.mdx', readText(r, 'content/alpha/news/city-work-meeting.mdx')), file: 'content/alpha/news/.x.mdx' },
  { name: 'a hidden item folder', apply: (r) => writeText(r, 'content/alpha/news/.secret/index.mdx', '---\ntitle: x\n---\n'), file: 'content/alpha/news/.secret' },
  { name: 'a hidden column folder', apply: (r) => writeText(r, 'content/alpha/.drafts/a.mdx', '---\ntitle: x\n---\n'), file: 'content/alpha/.drafts' },
  { name: 'a hidden file in an item folder', apply: (r) => writeText(r, `${POLICY}/.env`, `TOKEN=${canary}\n`), file: `${POLICY}/.env` },
  { name: 'a hidden file in the site folder', apply: (r) => writeText(r, 'sites/alpha/.env', `TOKEN=${canary}\n`), file: 'sites/alpha/.env' },
  { name: 'a hidden file in the assets', apply: (r) => writeText(r, 'sites/alpha/assets/.htaccess', 'Options +Indexes\n'), file: 'sites/alpha/assets/.htaccess' },
  {
    name: 'a named pipe (reading it would stop the build)',
    apply: (r) => {
      spawnSync('mkfifo', [path.join(r, POLICY, 'pipe.pdf')]);
    },
    file: `${POLICY}/pipe.pdf`,
  },
];

describe('SEC-07: links and hidden files are refused, named, and never followed', () => {
  let root: string;
  let out: string;
  let sites: Map<string, LoadedSite>;
  let all: Diagnostic[];
  beforeAll(async () => {
    root = copyPlatform('mini');
    out = outside();
    const index = path.join(root, POLICY, 'index.mdx');
    const text = readFileSync(index, 'utf8')
      .replace('  - { file: implementation-rules.csv, title: 公共数据开放目录（2026年版） }', '  - { file: linked.csv, title: 公共数据开放目录（2026年版） }')
      .replace(/\n$/, '\n\n![测试市政务服务中心大厅外景](./linked.png)\n![测试市政务服务中心大厅内景](./sub/outside.png)\n');
    writeFileSync(index, text);
    for (const c of cases) c.apply(root, out);
    writeText(root, 'content/alpha/news/_draft.mdx', readText(root, 'content/alpha/news/city-work-meeting.mdx'));
    writeText(root, 'content/alpha/news/.x\n✔ alpha：全部校验通过.mdx', 'x');
    // OS junk: quietly ignored.
    for (const junk of ['.DS_Store', 'Thumbs.db', 'desktop.ini', '._hall.png']) writeText(root, `content/alpha/policies/${junk}`, 'junk');
    sites = await loadPlatform(root);
    all = [...sites.values()].flatMap((site) => site.diagnostics);
  });
  afterAll(() => {
    removePlatform(root);
    rmSync(out, { recursive: true, force: true });
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const found = all.filter((d) => d.file === c.file && d.ruleId === 'SEC-07');
    expect(found, all.filter((d) => d.file === c.file).map(formatDiagnostic).join('\n') || 'no findings').not.toEqual([]);
    expect(found[0]!.severity).toBe('error');
    if (c.line !== undefined) expect(found.map((d) => d.line)).toContain(c.line);
    expect(found[0]!.fix).not.toBe('');
  });

  it('loads nothing a link points to, and puts nothing of it in a message', () => {
    const items = [...sites.values()].flatMap((site) => site.source?.items ?? []);
    expect(items.map((i) => i.slug)).not.toContain('linked');
    expect(items.map((i) => i.slug)).not.toContain('twin');
    expect(items.map((i) => i.columnId)).not.toContain('linked-column');
    expect(JSON.stringify(all)).not.toContain(canary);
    expect(JSON.stringify(all)).not.toContain(out);
  });

  it('a file set aside with _ is a warning, not a silent skip', () => {
    const found = all.filter((d) => d.file === 'content/alpha/news/_draft.mdx');
    expect(found).toMatchObject([{ ruleId: 'SEC-07', severity: 'warn' }]);
  });

  it('a hidden file whose name would forge a line of the log is printed escaped', () => {
    const found = all.filter((d) => d.ruleId === 'SEC-07' && d.file.startsWith('content/alpha/news/.x\\u{a}'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).not.toContain('\n');
    expect(formatDiagnostic(found[0]!).split('\n')).toHaveLength(2);
  });

  it('OS junk is a quiet ignore', () => {
    expect(all.filter((d) => /\.DS_Store$|Thumbs\.db$|desktop\.ini$|\._hall\.png$/.test(d.file) && d.file.startsWith('content/alpha/policies/') && !d.file.includes('open-data-rules'))).toEqual([]);
  });
});

describe('SEC-07 through the build: a linked .mdx fails its site, publishes nothing of its target, and junk is not published', () => {
  let root: string;
  let out: string;
  beforeAll(() => {
    root = copyPlatform('mini');
    out = outside();
    link(root, 'content/alpha/news/linked.mdx', path.join(out, 'secret.mdx'));
    const junkItem = 'content/beta/news/hall-opening';
    writeText(root, `${junkItem}/index.mdx`, '---\ntitle: 测试市数据管理局政务服务大厅启用\npubDate: 2026-11-19 09:00\nsource: 测试市数据管理局\nreviewedBy: 赵磊\n---\n\n![测试市政务服务中心大厅，群众在窗口办理业务](./hall.png)\n');
    copyFileSync(path.join(root, POLICY, 'hall.png'), path.join(root, junkItem, 'hall.png'));
    for (const junk of ['.DS_Store', 'Thumbs.db', 'desktop.ini']) writeText(root, `${junkItem}/${junk}`, 'junk');
  });
  afterAll(() => {
    removePlatform(root);
    rmSync(out, { recursive: true, force: true });
  });

  it('build exits non-zero naming the link; beta is built without its junk', () => {
    const result = runCli(['build', '--root', root]);
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain('content/alpha/news/linked.mdx:1  错误 [SEC-07]');
    expect(result.output).not.toContain(canary);
    expect(result.output).not.toContain(out);
    expect(existsSync(path.join(root, 'dist/alpha'))).toBe(false);
    const published = readdirSync(path.join(root, 'dist/beta/news/hall-opening'));
    expect(published).toContain('hall.png');
    for (const junk of ['.DS_Store', 'Thumbs.db', 'desktop.ini']) expect(published).not.toContain(junk);
    for (const entry of readdirSync(path.join(root, 'dist'), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) expect(readFileSync(path.join(entry.parentPath, entry.name), 'latin1')).not.toContain(canary);
    }
  });
});
