// The one test of "this expression is only a comment" (src/security/mdx-comments.ts), shared by
// the checker and the compile: block comments pass, anything a JavaScript parser could run does not.
import { describe, expect, it } from 'vitest';
import { isOnlyComments } from '../../src/security/mdx-comments.ts';

describe('isOnlyComments', () => {
  it.each(['/* 编辑备注 */', ' /* a */ /* b */ ', '/*\n多行\n备注\n*/', '/* a * b / c */', '/*/ 斜杠 /*/'])('accepts %j', (code) => {
    expect(isOnlyComments(code)).toBe(true);
  });
  it.each([
    '// /*\nalert(1)\n// */\n',
    '// 注释',
    '/* a */ alert(1)',
    '/* a */ // b\nalert(1)',
    '/* unclosed',
    '<!-- alert(1) -->',
    '/* a */ /* b',
    'alert(1) /* a */',
    '"/*" + alert(1) + "*/"',
  ])('refuses %j', (code) => {
    expect(isOnlyComments(code)).toBe(false);
  });
});
