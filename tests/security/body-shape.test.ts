// SEC-05: bodies shaped to make the Markdown parser take quadratic time (one such body held up
// `validate` of the whole platform for twelve minutes) are refused before it reads them, at the
// line where the shape starts; real documents — the demo platform and the fixtures — pass.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/content/front-matter.ts';
import { parseMdxBody } from '../../src/content/parse-mdx-body.ts';
import { projectRoot } from '../../src/util/paths.ts';

const FILE = 'content/alpha/news/a.mdx';

describe('SEC-05: the shape of a body', () => {
  it.each([
    ['280,000 nested brackets', '['.repeat(280_000) + 'a' + ']'.repeat(280_000), 7],
    ['link openings without end', '[a]('.repeat(20_000), 7],
    ['a run of emphasis markers', '*a'.repeat(100_000), 7],
    ['mixed emphasis markers', '*_'.repeat(50_000), 7],
    ['nested inline elements', '<sup>'.repeat(3000) + 'x' + '</sup>'.repeat(3000), 7],
    ['a paragraph after ordinary ones', `第一段。\n\n第二段。\n\n${'[x]'.repeat(600)}`, 11],
    ['many busy paragraphs', Array(60).fill('*a'.repeat(400)).join('\n\n'), 7 + 2 * 50],
    ['quotes nested 3,000 deep', '> '.repeat(3000) + 'x', 7],
    ['a list nested 300 deep', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n'), 7 + 17],
  ])('%s is refused at its line', (_name, body, line) => {
    const { tree, diagnostics } = parseMdxBody(body, FILE, 7);
    expect(tree).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'SEC-05', file: FILE, line });
  });

  it('every body of the demo platform and the fixtures passes', () => {
    let checked = 0;
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith('.mdx')) {
          const split = splitFrontMatter(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'), file).split;
          if (!split) continue;
          expect(parseMdxBody(split.body, file, split.bodyFirstLine).diagnostics.filter((d) => d.ruleId === 'SEC-05'), file).toEqual([]);
          checked++;
        }
      }
    };
    walk(path.join(projectRoot, 'content'));
    expect(checked).toBeGreaterThan(100);
  });
});
