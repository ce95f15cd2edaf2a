import { describe, expect, it } from 'vitest';
import { markdownToPlainText, summarize } from '../../src/util/plain-text.ts';

describe('derived descriptions', () => {
  it('strips Markdown but keeps link text', () => {
    expect(markdownToPlainText('## 标题\n\n见[通知](/notices/a/)。![图](./a.jpg)\n\n- 一\n- 二')).toBe('标题 见通知。一 二');
  });
  it('cuts at a sentence end', () => {
    const text = `${'一'.repeat(70)}。${'二'.repeat(70)}。`;
    expect(summarize(text, 120)).toBe(`${'一'.repeat(70)}。`);
  });
});

describe('summaries from the first real sentence (issue 26)', () => {
  it('skips the salutation, headings and tables', () => {
    const body = [
      '各市、县人民政府，省政府各部门：',
      '## 一、总体要求',
      '| 项目 | 标准 |\n|---|---|\n| 助餐补贴 | 每餐3元 |',
      '为加快发展居家社区养老服务，\n现提出如下意见。',
    ].join('\n\n');
    expect(summarize(body)).toBe('为加快发展居家社区养老服务，现提出如下意见。');
  });

  it('skips section heads and the signature after the first sentence too', () => {
    const body = '现将《实施方案》印发给你们，请认真组织实施。\n\n安平县人民政府\n2026年6月3日\n\n一、总体要求\n\n到2026年新建高标准农田4.5万亩。';
    expect(summarize(body)).toBe('现将《实施方案》印发给你们，请认真组织实施。到2026年新建高标准农田4.5万亩。');
  });

  it('leaves no space after Chinese punctuation or between Chinese lines', () => {
    expect(summarize('第一句话。\n第二句话， 接着说。')).toBe('第一句话。第二句话，接着说。');
    expect(markdownToPlainText('见通知。 一')).toBe('见通知。一');
  });

  it('joins list items and blocks as sentences, not with “. ” or a bare space', () => {
    const body = '本通知自发布之日起施行。\n\n- 申请材料齐全\n- 当场办结';
    expect(summarize(body)).toBe('本通知自发布之日起施行。申请材料齐全。当场办结');
    expect(summarize(body)).not.toMatch(/\. |。 /);
  });

  it('keeps a body of headings and tables only rather than nothing', () => {
    expect(summarize('## 附件\n\n| 名称 |\n|---|\n| 表一 |')).not.toBe('');
  });
});
