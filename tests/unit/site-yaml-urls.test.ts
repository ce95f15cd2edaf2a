// Issue 23 (4, 5): the URL fields of site.yaml that reach pages — the destination of a migration,
// the alternative during an offline period (SITE-09 notices link to them) and a channel's path —
// pass the URL allowlist (SEC-02, src/security/url-policy.ts), judged as a browser reads them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadSiteConfig } from '../../src/config/load-site-config.ts';
import { fixturesDir } from '../helpers/platform.ts';

const ALPHA = readFileSync(path.join(fixturesDir, 'mini', 'sites', 'alpha', 'site.yaml'), 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'govsite-site-urls-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const quoted = (value: string) =>
  `"${[...value].map((ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : /[\p{C}\p{Z}]/u.test(ch) && ch !== ' ' ? `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}` : ch)).join('')}"`;

let n = 0;
async function load(text: string) {
  const root = path.join(work, `r${n++}`);
  mkdirSync(path.join(root, 'sites', 'alpha'), { recursive: true });
  writeFileSync(path.join(root, 'sites', 'alpha', 'site.yaml'), text);
  return loadSiteConfig(root, 'alpha');
}

/** alpha with a migration destination, an offline alternative and a channel path; the line of each. */
function withUrls(values: { destination?: string; alternative?: string; channel?: string }) {
  const lines = ALPHA.trimEnd().split('\n');
  const channel = lines.findIndex((l) => l.includes('{ title: 首页, path: / }'));
  lines[channel] = `  - { title: 首页, path: ${quoted(values.channel ?? '/')} }`;
  lines.push(
    'lifecycle:',
    '  status: migrating',
    '  migration:',
    '    start: 2026-10-01',
    `    destination: { name: 测试市人民政府, url: ${quoted(values.destination ?? 'https://www.ceshi.gov.cn/zwgk/')} }`,
    '  offline:',
    `    - { from: 2026-03-01, to: 2026-03-02, reason: 系统升级改造, alternative: { name: 测试市人民政府, url: ${quoted(values.alternative ?? 'https://www.ceshi.gov.cn/')} } }`,
  );
  return { text: `${lines.join('\n')}\n`, line: { channel: channel + 1, destination: lines.length - 2, alternative: lines.length } };
}

const SCHEMES = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'java&Tab;script:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'https://www.ceshi.gov.cn/\nSet-Cookie: x',
  'https://www.ceshi.gov.cn/\u2028x',
  'https://www.ceshi.gov.cn/\u200bx',
  'https://www.ceshi.gov.cn\\@evil.example/',
];

describe('SEC-02: URL fields of site.yaml', () => {
  it('accepts the clean file', async () => {
    const loaded = await load(withUrls({}).text);
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it.each(SCHEMES.flatMap((url) => (['destination', 'alternative'] as const).map((field) => [field, url] as const)))('%s: %j', async (field, url) => {
    const { text, line } = withUrls({ [field]: url });
    const loaded = await load(text);
    expect(loaded.config).toBeUndefined();
    // eslint-disable-next-line no-control-regex
    const rules = /[\u0000-\u001f\u200b\u2028]/.test(url) ? ['SEC-02', 'SEC-04'] : ['SEC-02'];
    const found = loaded.diagnostics.find((d) => rules.includes(d.ruleId) && d.line === line[field]);
    expect(found, loaded.diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
    expect(loaded.diagnostics.map(formatDiagnostic).join('\n')).not.toContain('alert(1)');
  });

  it.each(['/\\evil.example/', '/ news', '/news/\nx', 'javascript:alert(1)', '/\u2028x'])('channel path %j', async (value) => {
    const { text, line } = withUrls({ channel: value });
    const loaded = await load(text);
    expect(loaded.config).toBeUndefined();
    const found = loaded.diagnostics.find((d) => ['SEC-02', 'SEC-04'].includes(d.ruleId) && d.line === line.channel);
    expect(found, loaded.diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
  });
});
