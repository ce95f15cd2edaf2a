// PUB-03 / PUB-04 / SITE-10: npm run publish and rollback on a throwaway copy of the demo platform
// (its department site, which passes the strict checks publishing uses), with real builds: releases side by side, an atomic switch of the `current` link, the previous
// release kept for a one-command rollback, nothing published when the build or a check fails or
// the production server is not declared domestic; and two builds of the same inputs, in two
// different folders, are byte-identical (manifest, feeds and sitemap included).
import { existsSync, lstatSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate, nginxTest } from '../helpers/nginx.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const NOW = ['--now', '2026-11-22 10:00'];
const SITE = 'shili-jyt';
const ARTICLE = 'content/shili-jyt/news/2026-05-28-teacher-training.mdx';
const PAGE = 'news/2026-05-28-teacher-training/index.html';

let root: string;
let target: string;
const current = () => readlinkSync(path.join(target, 'current'));
const served = (relative: string) => readText(target, `current/${relative}`);

beforeAll(() => {
  root = copyPlatform('demo');
  target = path.join(root, 'srv', SITE);
});
afterAll(() => removePlatform(root));

describe('npm run publish', () => {
  it('builds strictly, copies into a release, checks the copy and points current at it', () => {
    const result = runCli(['publish', '--root', root, '--site', SITE, '--to', target, ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/✔ shili-jyt 已发布到 .*（版本 [0-9a-f]{16}，\d+ 个文件，清单摘要 sha256:[0-9a-f]{64}）/);
    expect(lstatSync(path.join(target, 'current')).isSymbolicLink()).toBe(true);
    expect(current()).toMatch(/^releases\/[0-9a-f]{16}$/);
    expect(treeHashes(path.join(target, 'current'))).toEqual(treeHashes(path.join(root, 'dist', SITE)));
    // Nothing half-made is left beside the releases.
    expect(readdirSync(path.join(target, 'releases'))).toEqual([path.basename(current())]);
  });

  it('does nothing when the same build is already current', () => {
    const before = current();
    const result = runCli(['publish', '--root', root, '--site', SITE, '--to', target, '--skip-build']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('无需发布');
    expect(current()).toBe(before);
  });

  it('switches to a new release for new content and keeps the previous one', () => {
    const first = current();
    writeText(root, ARTICLE, readText(root, ARTICLE).replace('能力提升培训计划', '能力提升培训计划（第二期）'));
    const result = runCli(['publish', '--root', root, '--site', SITE, '--to', target, ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('npm run rollback -- --site shili-jyt --to');
    expect(current()).not.toBe(first);
    expect(readlinkSync(path.join(target, 'previous'))).toBe(first);
    expect(served(PAGE)).toContain('能力提升培训计划（第二期）');
    expect(readdirSync(path.join(target, 'releases')).sort()).toEqual([path.basename(first), path.basename(current())].sort());
  });

  it('publishes nothing when the build fails: the served release stays', () => {
    const before = current();
    const page = served(PAGE);
    const good = readText(root, ARTICLE);
    writeText(root, ARTICLE, good.replace(/^pubDate: .*$/m, 'pubDate: 昨天'));
    try {
      const result = runCli(['publish', '--root', root, '--site', SITE, '--to', target, ...NOW]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('构建或检查未通过，没有发布');
      expect(current()).toBe(before);
      expect(served(PAGE)).toBe(page);
    } finally {
      writeText(root, ARTICLE, good);
    }
  });

  it('refuses output changed after its build (the manifest no longer matches)', () => {
    const before = current();
    writeText(root, 'dist/shili-jyt/index.html', `${readText(root, 'dist/shili-jyt/index.html')}<!-- injected -->`);
    const result = runCli(['publish', '--root', root, '--site', SITE, '--to', target, '--skip-build']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('✘ 被修改：index.html');
    expect(current()).toBe(before);
  });

  it('refuses a production target not declared domestic (SITE-10)', () => {
    const yaml = readText(root, 'sites/shili-jyt/site.yaml');
    writeText(root, 'sites/shili-jyt/site.yaml', yaml.replace('domestic: true', 'domestic: false'));
    try {
      const before = current();
      const result = runCli(['publish', '--root', root, '--site', SITE, '--to', target, ...NOW]);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('SITE-10');
      expect(current()).toBe(before);
    } finally {
      writeText(root, 'sites/shili-jyt/site.yaml', yaml);
    }
  });
});

describe('npm run rollback', () => {
  it('serves the previous release again with one command, and a second rollback undoes it', () => {
    const [now, before] = [current(), readlinkSync(path.join(target, 'previous'))];
    let result = runCli(['rollback', '--root', root, '--site', SITE, '--to', target]);
    expect(result.status, result.output).toBe(0);
    expect(current()).toBe(before);
    expect(served(PAGE)).not.toContain('能力提升培训计划（第二期）');
    result = runCli(['rollback', '--root', root, '--site', SITE, '--to', target]);
    expect(result.status, result.output).toBe(0);
    expect(current()).toBe(now);
  });

  it('says so when there is nothing to roll back to', () => {
    const fresh = path.join(root, 'srv', 'empty');
    const result = runCli(['rollback', '--root', root, '--site', SITE, '--to', fresh]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有上一个版本可以回退');
    expect(existsSync(fresh)).toBe(false);
  });
});

describe('the old domains’ notice site (SITE-09)', () => {
  it('is published beside the site and served on the old domain by the generated nginx configuration', () => {
    const yaml = readText(root, 'sites/shili-jyt/site.yaml');
    writeText(root, 'sites/shili-jyt/site.yaml', yaml.replace('  launchedAt: 2020-03-16\n', '  launchedAt: 2020-03-16\n  previousDomains:\n    - domain: edu.shili.gov.cn\n      until: 2026-11-10\n'));
    const result = runCli(['publish', '--root', root, '--site', SITE, '--to', target, ...NOW]);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('原域名公告已发布到');
    expect(readlinkSync(path.join(target, 'previous-domain', 'current'))).toMatch(/^releases\/[0-9a-f]{16}$/);
    expect(readText(target, 'previous-domain/current/index.html')).toContain('edu.shili.gov.cn');
    const config = runCli(['nginx', '--root', root, '--site', SITE, '--to', target]);
    expect(config.status, config.output).toBe(0);
    expect(config.stdout).toContain('server_name edu.shili.gov.cn;');
    expect(config.stdout).toContain(`root ${target}/previous-domain/current;`);
    // nginx -t with the test certificate in place of every certificate path.
    const tls = makeCertificate(root);
    const file = path.join(root, 'shili-jyt.conf');
    writeFileSync(file, config.stdout.replace(/ssl_certificate \S+;/g, `ssl_certificate ${tls.certificate};`).replace(/ssl_certificate_key \S+;/g, `ssl_certificate_key ${tls.certificateKey};`));
    const tested = nginxTest([file]);
    expect(tested.ok, tested.output).toBe(true);
  });
});

describe('PUB-04 reproducible builds', () => {
  it('gives byte-identical output, manifest, feeds and sitemap included, for the same inputs built in another folder', () => {
    const [one, other] = [copyPlatform('mini'), copyPlatform('mini')];
    try {
      for (const dir of [one, other]) {
        const result = runCli(['build', '--root', dir, ...NOW]);
        expect(result.status, result.output).toBe(0);
      }
      for (const site of ['alpha', 'beta']) {
        const a = treeHashes(path.join(one, 'dist', site));
        expect(Object.keys(a)).toEqual(expect.arrayContaining(['govsite-integrity.json', 'sitemap.xml', 'robots.txt', 'feeds/news.xml', 'feeds/news.json']));
        expect(treeHashes(path.join(other, 'dist', site)), site).toEqual(a);
      }
    } finally {
      removePlatform(one);
      removePlatform(other);
    }
  });
});
