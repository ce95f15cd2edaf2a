// An MDX expression `{…}` publishes nothing only when it holds block comments and nothing else:
// `{/* 编辑备注 */}`. The one test for the checker (remark-mdx-allowlist.ts) and the compile
// (mdx-data-only.ts). Line comments are not accepted: JavaScript and a regular expression read
// `// /*` differently (the first sees a line comment, a naive stripper the start of a block), and
// that disagreement once let code through as "only comments".
const ONLY_BLOCK_COMMENTS = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)*$/;

export function isOnlyComments(code: string): boolean {
  return ONLY_BLOCK_COMMENTS.test(code);
}
