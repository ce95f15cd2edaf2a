// Issue 23 (8, 11): one grammar for site ids (src/security/names.ts). A folder under sites/ or
// content/ whose name is not a site id is a FILE-05 error naming the folder with a suggested id;
// a hidden entry or a symbolic link there is SEC-07 — never built, never silently skipped, and
// nothing inside it is read. The other sites still build.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.ts';
import { discoverSiteIds } from '../../src/config/discover-sites.ts';
import { loadSiteConfig } from '../../src/config/load-site-config.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { idProblem, isId, printableName, suggestId } from '../../src/security/names.ts';
import { copyPlatform, fixturesDir, removePlatform, runCli } from '../helpers/platform.ts';

/** Folder names that are not site ids: FILE-05. */
const BAD_NAMES: Array<[string, string]> = [
  ['issue 23 (8)', 'Jyt_Bad!'],
  ['upper case', 'Shili'],
  ['space', 'shi li'],
  ['dot', 'shili.jyt'],
  ['Chinese', '教育厅'],
  ['underscore prefix (was skipped silently)', '_drafts'],
  ['double hyphen', 'shili--jyt'],
  ['leading hyphen', '-shili'],
  ['trailing hyphen', 'shili-'],
  ['too long', 'a'.repeat(101)],
  ['full-width letters', 'ｓｈｉｌｉ'],
  ['tab', 'shi\tli'],
  ['newline (forges a log line)', 'x\n✔ alpha：校验通过'],
  ['escape sequence', 'x\u001b[2J'],
  ['semicolon', 'a;b'],
  ['dollar', '$HOME'],
  ['quote', "it's"],
  ['zero-width space', 'shi\u200bli'],
  ['bidi override', 'ilihs\u202e'],
];
/** Hidden entries: SEC-07 (they were skipped silently). */
const HIDDEN_NAMES = ['.hidden', '.git', '.shili', '..x'];

let root: string;
const BETA = readFileSync(path.join(fixturesDir, 'mini', 'sites', 'beta', 'site.yaml'), 'utf8');

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'govsite-site-ids-'));
  [...BAD_NAMES.map(([, name]) => name), ...HIDDEN_NAMES].forEach((name, index) => {
    // Alternately under sites/ and content/; what is inside must never be read (a broken YAML).
    if (index % 2 === 0) {
      mkdirSync(path.join(root, 'sites', name), { recursive: true });
      writeFileSync(path.join(root, 'sites', name, 'site.yaml'), 'name: [unclosed\n');
    } else {
      mkdirSync(path.join(root, 'content', name, 'news'), { recursive: true });
      writeFileSync(path.join(root, 'content', name, 'news', 'x.mdx'), '---\ntitle: x\n---\n');
    }
  });
  // A site folder that is a link (SEC-07): to a real site folder elsewhere.
  mkdirSync(path.join(root, 'elsewhere'), { recursive: true });
  writeFileSync(path.join(root, 'elsewhere', 'site.yaml'), BETA);
  symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'sites', 'linked'));
  // A proper site beside them.
  mkdirSync(path.join(root, 'sites', 'beta'), { recursive: true });
  writeFileSync(path.join(root, 'sites', 'beta', 'site.yaml'), BETA);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const placeOf = (name: string) => ([...BAD_NAMES.map(([, n]) => n), ...HIDDEN_NAMES].indexOf(name) % 2 === 0 ? 'sites' : 'content');

describe('the id grammar', () => {
  it.each(['shili', 'shili-jyt', 'a1', '2026-winter-heating', 'a'.repeat(100)])('accepts %s', (id) => {
    expect(isId(id)).toBe(true);
    expect(idProblem(id)).toBeUndefined();
  });

  it.each(BAD_NAMES)('refuses %s, with a reason and a suggestion in the grammar', (_name, id) => {
    expect(isId(id)).toBe(false);
    expect(idProblem(id)).toBeTruthy();
    expect(isId(suggestId(id, 'my-site'))).toBe(true);
  });

  it('suggests jyt-bad for Jyt_Bad!', () => {
    expect(suggestId('Jyt_Bad!', 'my-site')).toBe('jyt-bad');
  });
});

describe('site folders that are not sites', () => {
  it('are all discovered, none skipped', async () => {
    const ids = await discoverSiteIds(root);
    for (const [, name] of BAD_NAMES) expect(ids).toContain(printableName(name));
    for (const name of HIDDEN_NAMES) expect(ids).toContain(name);
    expect(ids).toContain('linked');
    expect(ids).toContain('beta');
  });

  it.each(BAD_NAMES)('%s: FILE-05 naming the folder, with the suggested id, nothing inside read', async (_name, name) => {
    const shown = printableName(name);
    const { config, diagnostics } = await loadSiteConfig(root, shown);
    expect(config).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'FILE-05', severity: 'error', file: `${placeOf(name)}/${shown}` });
    expect(diagnostics[0]!.message).toContain(`站点目录“${shown}”的名称不合规`);
    expect(diagnostics[0]!.fix).toContain(`把目录改名为“${suggestId(name, 'my-site')}”`);
    // A name cannot break the log: nothing invisible is printed.
    // eslint-disable-next-line no-control-regex
    expect(formatDiagnostic(diagnostics[0]!).replace(/\n {4}修改方法/, '')).not.toMatch(/[\n\r\t\u001b\u200b\u202e]/);
  });

  it.each(HIDDEN_NAMES)('%s: SEC-07, hidden entries are reported', async (name) => {
    const { config, diagnostics } = await loadSiteConfig(root, name);
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'SEC-07', severity: 'error', file: `${placeOf(name)}/${name}` })]);
    expect(diagnostics[0]!.message).toContain('隐藏');
  });

  it('a site folder that is a symbolic link: SEC-07, not followed', async () => {
    const { config, diagnostics } = await loadSiteConfig(root, 'linked');
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'SEC-07', file: 'sites/linked' })]);
  });

  it('the platform still loads its proper site beside them', async () => {
    const platform = await loadPlatform(root, '2026-11-22 10:00');
    expect(platform.get('beta')?.diagnostics.filter((d) => d.ruleId === 'FILE-05' || d.ruleId === 'SEC-07')).toEqual([]);
    expect(platform.get('Jyt_Bad!')?.model).toBeUndefined();
    expect(platform.get('Jyt_Bad!')?.diagnostics.map((d) => d.ruleId)).toEqual(['FILE-05']);
  });
});

describe('the CLI on a platform with such folders', () => {
  let platform: string;
  beforeAll(() => {
    platform = copyPlatform('mini');
    // Jyt_Bad!: a complete, otherwise valid site under both folders.
    const jyt = BETA.replace('domain: sjj.ceshi.gov.cn', 'domain: jyt.ceshi.gov.cn').replace('"5900990002"', '"5900990007"').replace('/srv/www/beta', '/srv/www/jyt-bad');
    mkdirSync(path.join(platform, 'sites', 'Jyt_Bad!'), { recursive: true });
    writeFileSync(path.join(platform, 'sites', 'Jyt_Bad!', 'site.yaml'), jyt);
    cpSync(path.join(platform, 'content', 'beta'), path.join(platform, 'content', 'Jyt_Bad!'), { recursive: true });
    mkdirSync(path.join(platform, 'sites', '.hidden'), { recursive: true });
    writeFileSync(path.join(platform, 'sites', '.hidden', 'site.yaml'), jyt);
    mkdirSync(path.join(platform, 'content', '教育厅', 'news'), { recursive: true });
  });
  afterAll(() => removePlatform(platform));

  it('validate: each folder reported, the proper sites pass, exit 1', () => {
    const result = runCli(['validate', '--root', platform]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('sites/Jyt_Bad!  错误 [FILE-05] 站点目录“Jyt_Bad!”的名称不合规');
    expect(result.stdout).toContain('把目录改名为“jyt-bad”');
    expect(result.stdout).toContain('sites/.hidden  错误 [SEC-07]');
    expect(result.stdout).toContain('content/教育厅  错误 [FILE-05]');
    expect(result.stdout).toMatch(/✔ alpha：\d+ 条内容校验通过/);
    expect(result.stdout).toMatch(/✔ beta：\d+ 条内容校验通过/);
  });

  it('build: the other sites are built, the bad folders are not, exit 1', () => {
    const result = runCli(['build', '--root', platform, '--now', '2026-11-22 10:00']);
    expect(result.status).toBe(1);
    expect(existsSync(path.join(platform, 'dist', 'alpha', 'index.html'))).toBe(true);
    expect(existsSync(path.join(platform, 'dist', 'beta', 'index.html'))).toBe(true);
    const built = readdirSync(path.join(platform, 'dist')).filter((name) => !name.startsWith('.'));
    expect(built.filter((name) => /jyt|bad|hidden|教育厅/i.test(name))).toEqual([]);
    expect(result.stdout).toContain('[FILE-05] 站点目录“Jyt_Bad!”');
    expect(result.stdout).toContain('✘ Jyt_Bad!');
    expect(result.stdout).toMatch(/✔ alpha：/);
    expect(result.stdout).toMatch(/✔ beta：/);
    expect(result.output).not.toMatch(/\n\s+at /);
  });
});
