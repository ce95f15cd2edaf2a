// Partial renders (src/incremental/incremental-render.ts): after an edit, only the item pages and column
// list pages it can change are rendered again, and the published output is byte for byte what a full build of the
// same content gives (PUB-04), whatever the edit: a body, a title other pages show, a new item
// with an image, a deleted one. A change the item pages share (site.yaml) renders the whole site.
// An edit of plain bodies alone is published without Astro (src/render/body-patch.ts), the same bytes.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NOW } from '../global-setup.ts';
import { copyPlatform, readText, removePlatform, runCli, treeHashes, writeText } from '../helpers/platform.ts';

const SITES = ['shili', 'shili-jyt', 'anping'];
let root: string;

beforeAll(() => {
  root = copyPlatform('demo');
  const first = runCli(['build', '--root', root, '--now', DEMO_NOW]);
  expect(first.status, first.output).toBe(0);
});
afterAll(() => removePlatform(root));

/** Builds again after an edit, then the same content from scratch elsewhere: both outputs must be equal. */
function buildAndCompare(): string {
  const incremental = runCli(['build', '--root', root, '--now', DEMO_NOW]);
  expect(incremental.status, incremental.output).toBe(0);
  const fresh = path.join(root, 'fresh-dist');
  rmSync(fresh, { recursive: true, force: true });
  const full = runCli(['build', '--root', root, '--out', fresh, '--now', DEMO_NOW, '--force']);
  expect(full.status, full.output).toBe(0);
  expect(full.output).not.toContain('只重新渲染');
  for (const siteId of SITES) expect(treeHashes(path.join(root, 'dist', siteId)), siteId).toEqual(treeHashes(path.join(fresh, siteId)));
  rmSync(fresh, { recursive: true, force: true });
  // The build record describes the output as it is (the file list the partial render kept rather
  // than walking it): the next build finds nothing to do.
  const again = runCli(['build', '--root', root, '--now', DEMO_NOW]);
  expect(again.status, again.output).toBe(0);
  for (const siteId of SITES) expect(again.output).toContain(`✔ ${siteId}：未变化`);
  return incremental.output;
}

describe('a one-item edit renders only the pages it changes (issue 8)', () => {
  it('a body edit: one item page of the site rendered again, the copy that republishes it too, no list page', () => {
    const file = 'content/shili/news/2026-11-21-executive-meeting.mdx';
    writeText(root, file, `${readText(root, file)}\n会议还研究了其他事项。\n`);
    const output = buildAndCompare();
    // Only its plain body changed (its summary is its description): patched in, no Astro (body-patch.ts).
    expect(output).toMatch(/shili：\d+ 条内容，\d+ 个页面（只重新渲染了有改动的 1 个内容页和 0 个列表页；只改了正文，直接替换了 1 个页面的正文，未启动 Astro）/);
    // The site the edit is in is built first (the others are only found unchanged).
    expect(output).toContain('▶ [1/3] shili：');
    expect(output).toContain('shili-jyt：未变化');
    expect(readText(root, 'dist/shili/news/2026-11-21-executive-meeting/index.html')).toContain('会议还研究了其他事项。');
    // A patched page is patched again: a second edit, within the body this time.
    writeText(root, file, readText(root, file).replace('会议还研究了其他事项。', '会议还研究了**其他**事项，<mark>详见</mark>附件。'));
    expect(buildAndCompare()).toContain('直接替换了 1 个页面的正文');
    expect(readText(root, 'dist/shili/news/2026-11-21-executive-meeting/index.html')).toContain('会议还研究了<strong>其他</strong>事项');
  });

  it('a body edit that changes what other pages show (the summary of an item without a description) is rendered by Astro', () => {
    const file = 'content/shili/news/2026-07-15-flood-prevention.mdx';
    writeText(root, file, readText(root, file).replace('受强降雨影响，', '受持续强降雨影响，'));
    const output = buildAndCompare();
    expect(output).toMatch(/shili：.*（只重新渲染了有改动的 1 个内容页和 [1-9]\d* 个列表页）/);
    expect(output).not.toContain('只改了正文');
  });

  it('a body edit whose own published page was changed by hand: the whole site is rendered, the page is right again', () => {
    const file = 'content/shili/news/2026-11-21-executive-meeting.mdx';
    const page = 'dist/shili/news/2026-11-21-executive-meeting/index.html';
    writeText(root, page, readText(root, page).replace('<h1 class="article__title">', '<h1 class="article__title">手工改动'));
    writeText(root, file, `${readText(root, file)}\n会议要求抓好落实。\n`);
    const output = buildAndCompare();
    expect(output).toMatch(/✔ shili：\d+ 条内容，\d+ 个页面，用时/);
    expect(readText(root, page)).not.toContain('手工改动');
    expect(readText(root, page)).toContain('会议要求抓好落实。');
  });

  it('a title other pages show: the policy and its interpretation are rendered again, and the list pages showing them', () => {
    const file = 'content/shili/policies/2026-digital-government-plan.mdx';
    writeText(root, file, readText(root, file).replace(/^title: (.*)$/m, 'title: $1（修订）'));
    const output = buildAndCompare();
    // Two column list pages; the 信息公开目录's index and its pages of the document's subject,
    // issuer, genre and year (OPEN-03); the 政策文件库 and its 现行有效 page (OPEN-04).
    expect(output).toMatch(/shili：.*（只重新渲染了有改动的 2 个内容页和 9 个列表页）/);
    expect(readText(root, 'dist/shili/interpretations/2026-digital-government-plan-explained/index.html')).toContain('建设规划的通知（修订）');
    expect(readText(root, 'dist/shili/policies/index.html')).toContain('建设规划的通知（修订）');
    for (const list of ['xxgk', 'xxgk/subject/02', 'xxgk/year/2026', 'zcwjk', 'zcwjk/status/valid']) {
      expect(readText(root, `dist/shili/${list}/index.html`), list).toContain('建设规划的通知（修订）');
    }
  });

  it('a new item with an image and a deleted item with one: their pages, images and list entries come and go', () => {
    const from = path.join(root, 'content/shili/news/2026-11-10-autumn-grain-harvest');
    const added = path.join(root, 'content/shili/news/2026-11-22-winter-wheat-sowing');
    cpSync(from, added, { recursive: true });
    writeText(root, 'content/shili/news/2026-11-22-winter-wheat-sowing/index.mdx', readText(root, 'content/shili/news/2026-11-22-winter-wheat-sowing/index.mdx').replace(/^title: .*$/m, 'title: 全省冬小麦播种基本结束'));
    rmSync(from, { recursive: true });
    // An item whose image no other item has: its page and its image files go.
    const imageOf = () => readdirSync(path.join(root, 'dist/shili/_astro')).filter((f) => f.startsWith('service-hall.'));
    expect(imageOf().length).toBeGreaterThan(0);
    rmSync(path.join(root, 'content/shili/news/2026-11-14-service-hall-one-thing'), { recursive: true });
    const output = buildAndCompare();
    expect(output).toMatch(/shili：.*（只重新渲染了有改动的 1 个内容页和 1 个列表页）/);
    expect(readText(root, 'dist/shili/news/index.html')).toContain('全省冬小麦播种基本结束');
    expect(existsSync(path.join(root, 'dist/shili/news/2026-11-14-service-hall-one-thing'))).toBe(false);
    expect(imageOf()).toEqual([]);
  });

  it('an edit after a published page was changed by hand: nothing is carried over, the page is right again', () => {
    // The build compares the published output with its record while Astro renders: then it
    // renders the whole site instead of carrying the changed page over.
    const tampered = 'dist/shili/news/2026-11-21-executive-meeting/index.html';
    writeText(root, tampered, readText(root, tampered).replace('</body>', '<p>手工改动</p></body>'));
    const file = 'content/shili/policies/2026-digital-government-plan.mdx';
    writeText(root, file, `${readText(root, file)}\n本规划自发布之日起施行。\n`);
    const output = buildAndCompare();
    expect(output).toMatch(/✔ shili：\d+ 条内容，\d+ 个页面，用时/);
    expect(output).not.toMatch(/shili：.*只重新渲染/);
    expect(readText(root, tampered)).not.toContain('手工改动');
  });

  it('a change of site.yaml renders the whole site', () => {
    const file = 'sites/shili/site.yaml';
    writeText(root, file, readText(root, file).replace(/^(\s*phone: ).*$/m, (_, key: string) => `${key}0591-88880000`));
    const output = buildAndCompare();
    expect(output).toMatch(/✔ shili：\d+ 条内容，\d+ 个页面，用时/);
    expect(output).not.toMatch(/shili：.*只重新渲染/);
  });
});
