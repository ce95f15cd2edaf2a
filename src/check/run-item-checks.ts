// Runs the remark check plugins over an item's parsed body and turns their VFile messages into
// diagnostics at file lines (the body starts after the front matter).
import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import remarkRequireImageAlt from '../../plugins/checks/remark-require-image-alt.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';

/** Body checks, each a unified plugin reporting `file.message()` with a rule ID and a `note` (the fix). */
export const bodyChecks: Plugin<[], Root>[] = [remarkRequireImageAlt];

const processor = unified();
for (const check of bodyChecks) processor.use(check);

export async function runBodyChecks(tree: Root, file: string, bodyFirstLine: number): Promise<Diagnostic[]> {
  const vfile = new VFile({ path: file });
  await processor.run(structuredClone(tree), vfile);
  return vfile.messages.map((m) =>
    diagnostic({
      ruleId: m.ruleId ?? 'FILE-06',
      file,
      line: m.line ? bodyFirstLine + m.line - 1 : bodyFirstLine,
      column: m.column ?? undefined,
      message: m.reason,
      fix: m.note ?? '',
    }),
  );
}
