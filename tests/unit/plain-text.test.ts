import { describe, expect, it } from 'vitest';
import { markdownToPlainText, summarize } from '../../src/util/plain-text.ts';

describe('derived descriptions', () => {
  it('strips Markdown but keeps link text', () => {
    expect(markdownToPlainText('## 标题\n\n见[通知](/notices/a/)。![图](./a.jpg)\n\n- 一\n- 二')).toBe('标题 见通知。 一 二');
  });
  it('cuts at a sentence end', () => {
    const text = `${'一'.repeat(70)}。${'二'.repeat(70)}。`;
    expect(summarize(text, 120)).toBe(`${'一'.repeat(70)}。`);
  });
});
