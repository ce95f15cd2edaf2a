// The bad inputs of issue 2, each as a change to the `mini` fixture's site alpha, with where
// the error must point. Used by the CLI tests, which check the whole build's behaviour.
import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, readText, writeText } from './platform.ts';

export interface BadInput {
  name: string;
  apply: (root: string) => void;
  /** `file:line` (or just the file) the message must contain. */
  location: string;
  ruleId: string;
  /** Words the message must contain. */
  words: string;
}

const NEWS = 'content/alpha/news/city-work-meeting.mdx';
const SITE = 'sites/alpha/site.yaml';

function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const before = readText(root, file);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture text not found in ${file}`);
  writeText(root, file, after);
}

export const badInputs: BadInput[] = [
  {
    name: 'YAML syntax error',
    apply: (root) => edit(root, NEWS, 'keywords: [数字政府, 工作会议]', 'keywords: [数字政府, 工作会议'),
    location: `${NEWS}:7`,
    ruleId: 'FILE-03',
    words: '没有闭合',
  },
  {
    name: 'wrong type',
    apply: (root) => edit(root, NEWS, 'keywords: [数字政府, 工作会议]', 'keywords: 数字政府'),
    location: `${NEWS}:7`,
    ruleId: 'FILE-04',
    words: '应为列表',
  },
  {
    name: 'unknown field',
    apply: (root) => edit(root, NEWS, 'pubDate:', 'pubdate:'),
    location: `${NEWS}:3`,
    ruleId: 'FILE-04',
    words: '你是不是想写“pubDate”',
  },
  {
    name: 'date as 2024/1/5',
    apply: (root) => edit(root, NEWS, 'pubDate: 2026-11-20 09:30', 'pubDate: 2024/1/5'),
    location: `${NEWS}:3`,
    ruleId: 'CONT-01',
    words: '应为“YYYY-MM-DD HH:MM”',
  },
  {
    name: 'date as 2024年1月5日',
    apply: (root) => edit(root, NEWS, 'pubDate: 2026-11-20 09:30', 'pubDate: 2024年1月5日'),
    location: `${NEWS}:3`,
    ruleId: 'CONT-01',
    words: '改为 2024-01-05',
  },
  {
    name: 'full-width colon after a key',
    apply: (root) => edit(root, NEWS, 'source: ', 'source：'),
    location: `${NEWS}:4`,
    ruleId: 'FILE-03',
    words: '全角冒号',
  },
  {
    name: 'UTF-8 BOM',
    apply: (root) => writeText(root, NEWS, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readText(root, NEWS))])),
    location: `${NEWS}:1`,
    ruleId: 'FILE-01',
    words: 'BOM',
  },
  {
    name: 'GBK file',
    apply: (root) => copyFileSync(path.join(fixturesDir, 'bad-inputs/gbk-encoded.mdx'), path.join(root, 'content/alpha/news/heating.mdx')),
    location: 'content/alpha/news/heating.mdx:2',
    ruleId: 'FILE-01',
    words: 'GBK',
  },
  {
    name: 'empty file',
    apply: (root) => writeText(root, 'content/alpha/news/empty.mdx', ''),
    location: 'content/alpha/news/empty.mdx:1',
    ruleId: 'FILE-02',
    words: '文件是空的',
  },
  {
    name: 'two items with the same slug',
    apply: (root) => {
      mkdirSync(path.join(root, 'content/alpha/news/autumn-planting'));
      writeText(root, 'content/alpha/news/autumn-planting/index.mdx', readText(root, 'content/alpha/news/autumn-planting.mdx'));
    },
    location: 'content/alpha/news/autumn-planting',
    ruleId: 'FILE-05',
    words: '重复',
  },
  {
    name: 'item in an undeclared column',
    apply: (root) => {
      mkdirSync(path.join(root, 'content/alpha/nwes'));
      renameSync(path.join(root, NEWS), path.join(root, 'content/alpha/nwes/meeting.mdx'));
    },
    location: 'content/alpha/nwes/meeting.mdx:1',
    ruleId: 'FILE-05',
    words: '没有在 sites/alpha/site.yaml 的 columns 中声明',
  },
  {
    name: 'site without site.yaml',
    apply: (root) => rmSync(path.join(root, SITE)),
    location: SITE,
    ruleId: 'FILE-05',
    words: '没有配置文件',
  },
];
