// The signature (落款) of a body laid out as in a printed 公文 (plugins/rehype-signature-block.ts,
// and tokens kept whole by plugins/rehype-unbroken-tokens.ts,
// issue 26 item 9): issuer over date in a paragraph of its own becomes a signature block, through
// the same compile the item pages use; prose that mentions a date stays prose.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyHash } from '../../src/content/body-hash.ts';
import { directBodyHtml } from '../../plugins/astro-govsite/body-html.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'govsite-signature-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
async function html(body: string): Promise<string> {
  const file = path.join(dir, `item-${n++}.mdx`);
  writeFileSync(file, `---\ntitle: 标题\n---\n${body}`);
  return directBodyHtml(file, bodyHash(body));
}

describe('rehype-signature-block', () => {
  it('marks issuer over date as the signature, keeping the line break', async () => {
    const out = await html('\n本通知自印发之日起施行。\n\n示例省人民政府办公厅\n2026年6月24日\n');
    expect(out).toContain('<p class="signature">示例省人民政府办公厅<br/>2026年6月24日</p>');
    expect(out).toContain('<p>本通知自印发之日起施行。</p>');
  });

  it('takes a date written in Chinese numerals, and a joint issuer line', async () => {
    expect(await html('\n示例省财政厅　示例省民政厅\n二〇二六年十一月十七日\n')).toContain('class="signature"');
  });

  it('leaves prose alone: a sentence with a date, a second line that is not a date, a date alone', async () => {
    expect(await html('\n本办法自2026年1月1日起施行。\n')).not.toContain('signature');
    expect(await html('\n本办法由示例省人民政府负责解释。\n2026年1月1日起施行\n')).not.toContain('signature');
    expect(await html('\n示例省人民政府\n请于2026年6月24日前报送。\n')).not.toContain('signature');
    expect(await html('\n2026年6月24日\n')).not.toContain('signature');
  });
});

describe('rehype-unbroken-tokens', () => {
  it('keeps a 文号, a Chinese or ISO date and a time each in one piece (issue 26 item 9)', async () => {
    const out = await html('\n依据《示例省人民政府办公厅关于促进就业的通知》（示政办发〔2025〕4号），自2026年1月1日起，于2026-11-18 10:00开始受理。\n');
    expect(out).toContain('<span class="nobr">示政办发〔2025〕4号</span>');
    expect(out).toContain('<span class="nobr">2026年1月1日</span>');
    expect(out).toContain('<span class="nobr">2026-11-18 10:00</span>');
    expect(out).toContain('自<span class="nobr">2026年1月1日</span>起');
  });

  it('leaves the signature and text without such tokens as they are', async () => {
    expect(await html('\n示例省人民政府\n2026年6月24日\n')).toContain('<p class="signature">示例省人民政府<br/>2026年6月24日</p>');
    expect(await html('\n本办法由示例省人民政府负责解释。\n')).toBe('<p>本办法由示例省人民政府负责解释。</p>');
  });
});
