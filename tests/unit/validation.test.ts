// Each bad input an editor can produce, dropped into a copy of a valid platform: the loader
// must name the file, the line, the rule, and say in Chinese how to fix it.
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadSite } from '../../src/rules/load-site.ts';
import { copyPlatform, fixturesDir, readText, removePlatform, writeText } from '../helpers/platform.ts';

let root: string;
beforeEach(() => {
  root = copyPlatform('mini');
});
afterEach(() => removePlatform(root));

const NEWS = 'content/alpha/news/city-work-meeting.mdx';
const SITE = 'sites/alpha/site.yaml';

async function errorsOf(siteId = 'alpha'): Promise<Diagnostic[]> {
  const loaded = await loadSite(root, siteId);
  return loaded.diagnostics.filter((d) => d.severity === 'error');
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics, diagnostics.map(formatDiagnostic).join('\n')).toHaveLength(1);
  return diagnostics[0]!;
}

function replaceInFile(relative: string, from: string | RegExp, to: string): void {
  const before = readText(root, relative);
  const after = before.replace(from, to);
  expect(after, `fixture text to replace not found in ${relative}`).not.toBe(before);
  writeText(root, relative, after);
}

describe('the valid fixture', () => {
  it('loads with no diagnostics', async () => {
    const loaded = await loadSite(root, 'alpha');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.model?.items.map((i) => i.id)).toEqual([
      'news/city-work-meeting',
      'news/autumn-planting',
      'policies/open-data-rules',
      'interaction/mailbox',
    ]);
  });
});

describe('FILE-03 YAML syntax', () => {
  it('reports a YAML syntax error at its line', async () => {
    replaceInFile(NEWS, 'keywords: [数字政府, 工作会议]', 'keywords: [数字政府, 工作会议');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-03', file: NEWS, line: 7, column: 22 });
    expect(d.message).toContain('YAML 语法错误：方括号 [ ] 或花括号 { } 没有闭合');
    expect(d.fix).toContain('补上 ]');
  });

  it('reports a YAML syntax error in site.yaml', async () => {
    replaceInFile(SITE, 'kind: portal', 'kind: portal: city');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-03', file: SITE, line: 2 });
  });

  it('names a full-width colon after a key and how to fix it', async () => {
    replaceInFile(NEWS, 'source: 测试市人民政府办公室', 'source：测试市人民政府办公室');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-03', file: NEWS, line: 4, column: 7, field: 'source' });
    expect(d.message).toContain('全角冒号');
    expect(d.fix).toContain('source: ');
  });
});

describe('FILE-04 fields', () => {
  it('reports a wrong type with the Chinese label', async () => {
    replaceInFile(NEWS, 'keywords: [数字政府, 工作会议]', 'keywords: 数字政府');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-04', file: NEWS, line: 7, field: 'keywords' });
    expect(d.message).toContain('“关键词”（keywords）应为列表');
    expect(d.fix).toContain('[第一项, 第二项]');
  });

  it('reports an unquoted site code as a number with the quoting fix', async () => {
    replaceInFile(SITE, 'siteCode: "5900990001"', 'siteCode: 5900990001');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'SITE-05', file: SITE, line: 6, field: 'siteCode' });
    expect(d.message).toContain('网站标识码');
  });

  it('suggests the closest known name for an unknown field', async () => {
    replaceInFile(NEWS, 'pubDate: 2026-11-20 09:30', 'pubdate: 2026-11-20 09:30');
    const diagnostics = await errorsOf();
    const unknown = diagnostics.find((d) => d.field === 'pubdate')!;
    expect(unknown).toMatchObject({ ruleId: 'FILE-04', file: NEWS, line: 3 });
    expect(unknown.message).toContain('未知字段“pubdate”');
    expect(unknown.message).toContain('“pubDate”（发布时间）');
    expect(unknown.fix).toContain('把“pubdate”改为“pubDate”');
    // The required pubDate is then missing: said too, as CONT-01.
    expect(diagnostics.find((d) => d.field === 'pubDate')).toMatchObject({ ruleId: 'CONT-01' });
  });

  it('suggests a name for an unknown field in nested site configuration', async () => {
    replaceInFile(SITE, '  email: web@ceshi.gov.cn', '  emial: web@ceshi.gov.cn');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-04', file: SITE, line: 12, field: 'contact.emial' });
    expect(d.message).toContain('“email”');
  });

  it('reports a missing required field', async () => {
    replaceInFile(NEWS, /^source: .*\n/m, '');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'CONT-01', file: NEWS, field: 'source' });
    expect(d.message).toContain('缺少必填字段“信息来源”（source）');
  });
});

describe('CONT-01 publish time format', () => {
  it.each([
    ['2024/1/5', '2024-01-05 HH:MM'],
    ['2024年1月5日', '2024-01-05 HH:MM'],
    ['2024年1月5日 9时30分', '2024-01-05 09:30'],
    ['2024-1-5 9:30', '2024-01-05 09:30'],
    ['2024-02-30 09:00', undefined],
  ])('rejects pubDate %s and says the expected form', async (written, suggestion) => {
    replaceInFile(NEWS, 'pubDate: 2026-11-20 09:30', `pubDate: ${written}`);
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'CONT-01', file: NEWS, line: 3, field: 'pubDate' });
    expect(d.message).toContain('YYYY-MM-DD HH:MM');
    expect(d.message).toContain(written);
    if (suggestion) expect(d.fix).toContain(`改为 ${suggestion}`);
  });
});

describe('FILE-01 / FILE-02 encodings and empty files', () => {
  it('rejects a UTF-8 BOM at line 1 and says how to save without it', async () => {
    writeText(root, NEWS, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readText(root, NEWS))]));
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-01', file: NEWS, line: 1 });
    expect(d.message).toContain('BOM');
    expect(d.fix).toContain('UTF-8');
  });

  it('accepts CRLF line endings', async () => {
    writeText(root, NEWS, readText(root, NEWS).replace(/\n/g, '\r\n'));
    writeText(root, SITE, readText(root, SITE).replace(/\n/g, '\r\n'));
    const loaded = await loadSite(root, 'alpha');
    expect(loaded.diagnostics).toEqual([]);
    const item = loaded.model!.items.find((i) => i.id === 'news/city-work-meeting')!;
    expect(item.data.pubDate).toBe('2026-11-20 09:30');
    expect(item.data.title).toBe('测试市召开全市数字政府建设工作会议');
  });

  it('recognises a GBK file instead of printing mojibake', async () => {
    copyFileSync(path.join(fixturesDir, 'bad-inputs/gbk-encoded.mdx'), path.join(root, 'content/alpha/news/heating-notice.mdx'));
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-01', file: 'content/alpha/news/heating-notice.mdx', line: 2 });
    expect(d.message).toContain('GBK');
    expect(d.message).toContain('测试市关于做好冬季供暖工作的通知');
    expect(d.fix).toContain('UTF-8');
  });

  it('rejects an empty file', async () => {
    writeText(root, 'content/alpha/news/empty-draft.mdx', '');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-02', file: 'content/alpha/news/empty-draft.mdx', line: 1 });
    expect(d.message).toContain('文件是空的');
  });

  it('rejects an empty site.yaml', async () => {
    writeText(root, SITE, '\n');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-02', file: SITE, line: 1 });
  });

  it('rejects a file without front matter', async () => {
    writeText(root, 'content/alpha/news/no-front-matter.mdx', '只有正文，没有前置信息。\n');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-02', file: 'content/alpha/news/no-front-matter.mdx', line: 1 });
  });
});

describe('FILE-05 places and names', () => {
  it('rejects two items with the same slug, naming both files', async () => {
    mkdirSync(path.join(root, 'content/alpha/news/autumn-planting'));
    writeText(root, 'content/alpha/news/autumn-planting/index.mdx', readText(root, 'content/alpha/news/autumn-planting.mdx'));
    const d = only(await errorsOf());
    expect(d.ruleId).toBe('FILE-05');
    expect(d.line).toBe(1);
    expect(d.message).toContain('路径名“autumn-planting”在栏目“news”中重复');
    expect([d.file, d.message].join(' ')).toContain('content/alpha/news/autumn-planting.mdx');
    expect([d.file, d.message].join(' ')).toContain('content/alpha/news/autumn-planting/index.mdx');
  });

  it('rejects an item in a column the site does not declare, suggesting the close one', async () => {
    mkdirSync(path.join(root, 'content/alpha/nwes'));
    renameSync(path.join(root, NEWS), path.join(root, 'content/alpha/nwes/city-work-meeting.mdx'));
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-05', file: 'content/alpha/nwes/city-work-meeting.mdx', line: 1 });
    expect(d.message).toContain('栏目“nwes”没有在 sites/alpha/site.yaml 的 columns 中声明');
    expect(d.message).toContain('“news”');
  });

  it('reports a site without site.yaml', async () => {
    rmSync(path.join(root, 'sites/beta/site.yaml'));
    const loaded = await loadSite(root, 'beta');
    const d = only(loaded.diagnostics);
    expect(d).toMatchObject({ ruleId: 'FILE-05', file: 'sites/beta/site.yaml' });
    expect(d.message).toContain('没有配置文件');
    expect(loaded.model).toBeUndefined();
  });

  it('rejects a slug that is not ASCII lower case', async () => {
    renameSync(path.join(root, NEWS), path.join(root, 'content/alpha/news/City Meeting.mdx'));
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-05', file: 'content/alpha/news/City Meeting.mdx' });
    expect(d.fix).toContain('city-meeting');
  });
});

describe('FILE-06 MDX body', () => {
  it('reports a stray brace at its line in the file', async () => {
    writeText(root, NEWS, `${readText(root, NEWS)}\n全年预算 {待定\n`);
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'FILE-06', file: NEWS });
    expect(d.line).toBeGreaterThanOrEqual(19);
    expect(d.message).toContain('花括号');
  });
});

describe('CONT-14 review before publishing', () => {
  it('requires reviewedBy when the site requires review, and not for drafts', async () => {
    replaceInFile(NEWS, /^reviewedBy: .*\n/m, '');
    expect(only(await errorsOf())).toMatchObject({ ruleId: 'CONT-14', file: NEWS, field: 'reviewedBy' });
    replaceInFile(NEWS, 'author: 张晓', 'author: 张晓\ndraft: true');
    const loaded = await loadSite(root, 'alpha');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.model!.items.some((i) => i.id === 'news/city-work-meeting')).toBe(false);
  });
});

describe('CONT-11 alternative text', () => {
  const POLICY = 'content/alpha/policies/open-data-rules/index.mdx';
  it('rejects a Markdown image without alt text, at its line', async () => {
    replaceInFile(POLICY, '![测试市政务服务中心大厅，群众在窗口办理业务](./hall.png)', '![](./hall.png)');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'CONT-11', file: POLICY, line: 14, column: 1 });
    expect(d.message).toContain('./hall.png');
    expect(d.fix).toContain('![');
  });

  it('rejects a reference-style image without alt text (![][pic] with [pic]: ./hall.png), at its line', async () => {
    replaceInFile(POLICY, '![测试市政务服务中心大厅，群众在窗口办理业务](./hall.png)', '![][hall]\n\n[hall]: ./hall.png');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'CONT-11', file: POLICY, line: 14, column: 1 });
    expect(d.message).toContain('./hall.png');
    expect(d.fix).toContain('][hall]');
  });

  it('rejects an <img> element without alt', async () => {
    writeText(root, NEWS, `${readText(root, NEWS)}\n<img src="/assets/logo.svg" />\n`);
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'CONT-11', file: NEWS, line: 21 });
  });

  it('requires imageAlt with a front-matter image', async () => {
    replaceInFile(NEWS, 'author: 张晓', 'author: 张晓\nimage: ./cover.jpg');
    const d = only(await errorsOf());
    expect(d).toMatchObject({ ruleId: 'CONT-11', file: NEWS, line: 6, field: 'imageAlt' });
  });
});
