// SEC-04 and the word-list rules (CONT-06, CONT-08, CONT-09): every character Unicode says a
// renderer shows as nothing (Default_Ignorable_Code_Point) is invisible to the rules, so that
// `绝\u206f密★长期` reads and is matched as 绝密★长期 (issue 25: the list of hidden characters
// was written by hand and missed some), and is refused in front matter and site.yaml. Checked
// against the property itself, over every code point, with a real remark parse of a body.
import path from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import remarkNoClassifiedMarks from '../../src/rules/content/remark-no-classified-marks.ts';
import remarkNoWrongOfficialNames from '../../src/rules/content/remark-no-wrong-official-names.ts';
import { findFieldUnsafeCharacter, visibleText } from '../../src/security/text-hygiene.ts';
import { projectRoot } from '../../src/util/paths.ts';

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Mongolian free variation selectors: matched without, but allowed in fields (text-hygiene.ts). */
const MONGOLIAN_SELECTORS = /[\u180b-\u180d\u180f]/u;

function ignorables(): string[] {
  const found: string[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (IGNORABLE.test(char)) found.push(char);
  }
  return found;
}

const hex = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;

describe('default-ignorable characters (issue 25)', () => {
  const all = ignorables();

  it('are many, and each is dropped from the text the rules match, with the map back intact', () => {
    expect(all.length).toBeGreaterThan(4000);
    const missed = all.filter((char) => visibleText(`绝${char}密★长期`).text !== '绝密★长期').map(hex);
    expect(missed).toEqual([]);
    const { origin } = visibleText('本文件为绝\u206f密★长期');
    expect(origin?.[5]).toBe(6);
  });

  it('are refused in front matter and site.yaml (SEC-04), but the Mongolian selectors', () => {
    const missed = all.filter((char) => !MONGOLIAN_SELECTORS.test(char) && findFieldUnsafeCharacter(`关于${char}通知`) === undefined).map(hex);
    expect(missed).toEqual([]);
    expect(findFieldUnsafeCharacter('关于\ufff9通知')).toMatchObject({ index: 2, code: 'U+FFF9', kind: 'invisible' });
  });

  it('leave ordinary text as it is', () => {
    for (const text of ['关于开展2026年政府网站检查的通知。', '《中华人民共和国保守国家秘密法》', 'Ünïcödé – “引号” ……']) {
      expect(visibleText(text).text).toBe(text.normalize('NFC'));
    }
  });
});

const parser = unified().use(remarkParse).use(remarkMdx);
const ITEM = 'content/demo/news/sample.mdx';

async function check(body: string, plugin: Plugin<[], Root>): Promise<VFile['messages']> {
  const file = new VFile({
    value: body,
    path: ITEM,
    data: { govsite: { file: ITEM, absoluteFile: path.join(projectRoot, ITEM), frontMatter: { title: '示例', attachments: [], keywords: [] } as never, site: {} as never } },
  });
  await unified().use(plugin).run(parser.parse(body) as Root, file);
  return file.messages;
}

describe('the word-list rules on a body with such characters (issue 25)', () => {
  it.each(['\u206f', '\u2065', '\ufff0', '\ufff9', '\u{1bca0}', '\u{1d173}', '\u{e0080}', '\u{e0fff}'])('CONT-06 sees 绝%s密★长期 at the character the editor sees', async (hidden) => {
    const messages = await check(`第一段。\n\n本文件为绝${hidden}密★长期，请勿外传。\n`, remarkNoClassifiedMarks);
    expect(messages.map((m) => m.ruleId)).toEqual(['CONT-06']);
    expect(messages[0]!.reason).toContain('绝密★长期');
    expect(messages[0]!.place).toMatchObject({ line: 3, column: 5 });
  });

  it('CONT-09 sees a wrong official name split by one', async () => {
    const messages = await check('依据中华人民\u206a共合国有关法律。\n', remarkNoWrongOfficialNames);
    expect(messages.map((m) => m.ruleId)).toContain('CONT-09');
  });
});
