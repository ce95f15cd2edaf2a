// Runs the item check plugins (src/rules/content/) over an item's parsed body and turns their VFile
// messages into diagnostics at file lines. A plugin reports a body problem at its node position,
// or a front-matter problem with `message.data = { field: ['attachments', 0, 'file'] }`;
// `message.data.severity = 'warn'` makes it a warning instead of the rule's own severity.
import type { Root } from 'mdast';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import remarkAnimatedImages from './remark-animated-images.ts';
import remarkAttachments from './remark-attachments.ts';
import remarkDataRelease from './remark-data-release.ts';
import remarkDisclosureFields from './remark-disclosure-fields.ts';
import remarkLocalFiles from './remark-local-files.ts';
import remarkMapReviewNumber from './remark-map-review-number.ts';
import remarkMdxAllowlist from './remark-mdx-allowlist.ts';
import remarkNoAdvertising from './remark-no-advertising.ts';
import remarkNoClassifiedMarks from './remark-no-classified-marks.ts';
import remarkNoControlCharacters from './remark-no-control-characters.ts';
import remarkNoPersonalData from './remark-no-personal-data.ts';
import remarkNoWrongOfficialNames from './remark-no-wrong-official-names.ts';
import remarkRequireImageAlt from './remark-require-image-alt.ts';
import remarkSafeUrls from './remark-safe-urls.ts';
import type { FindingMessage } from './support/text.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { BODY_MAX_CHARS } from '../../security/limits.ts';
import type { FieldLocator } from '../../config/validate-yaml.ts';
import type { FrontMatter } from '../../schema/front-matter-schema.ts';
import type { SiteConfig } from '../../schema/site-schema.ts';

/** What a check plugin may read about the item besides its body: `file.data.govsite`. */
export interface ItemCheckContext {
  /** Project-relative path of the MDX file. */
  file: string;
  /** Absolute path of the MDX file (attachments and images are beside it). */
  absoluteFile: string;
  frontMatter: FrontMatter;
  site: SiteConfig;
}

declare module 'vfile' {
  interface DataMap {
    govsite: ItemCheckContext;
  }
}

/** Item checks, each a unified plugin reporting `file.message()` with a rule ID and a `note` (the fix). */
export const itemChecks: Plugin<[], Root>[] = [
  remarkNoClassifiedMarks, // CONT-06
  remarkNoPersonalData, // CONT-07
  remarkNoAdvertising, // CONT-08
  remarkNoWrongOfficialNames, // CONT-09
  remarkMapReviewNumber, // CONT-10
  remarkRequireImageAlt, // CONT-11
  remarkAttachments, // CONT-12
  remarkDataRelease, // CONT-15
  remarkLocalFiles, // SEC-01, SEC-07, CONT-13 (files named by content)
  remarkMdxAllowlist, // CONT-16
  remarkSafeUrls, // SEC-02
  remarkNoControlCharacters, // SEC-04
  remarkDisclosureFields, // OPEN-01
  remarkAnimatedImages, // LAY-07 (flashing and moving images)
];

const processor = unified();
for (const check of itemChecks) processor.use(check);

export async function runItemChecks(
  tree: Root,
  context: ItemCheckContext & { bodyFirstLine: number; locate: FieldLocator },
): Promise<Diagnostic[]> {
  const { bodyFirstLine, locate, ...shared } = context;
  // SEC-05: a body beyond any real document is refused before the rules read it.
  const length = tree.position?.end.offset ?? 0;
  if (length > BODY_MAX_CHARS) {
    return [
      diagnostic({
        ruleId: 'SEC-05',
        file: context.file,
        line: bodyFirstLine,
        message: `正文有 ${length} 个字符，超过了上限 ${BODY_MAX_CHARS} 个字符`,
        fix: '把很长的文件拆成几篇内容（如按章节），或把原文作为附件（PDF 等）提供、正文只写摘要；检查是否误粘贴了大量内容',
      }),
    ];
  }
  const vfile = new VFile({ path: context.file, data: { govsite: shared } });
  // Not a copy: the loader parsed this tree for the checks alone (cloning it cost 1.1 s at 10,000 items).
  await processor.run(tree, vfile);
  return vfile.messages.map((m: FindingMessage) => {
    const extra = m.data;
    const field = extra?.field;
    const where = field ? locate(field) : { line: m.line ? bodyFirstLine + m.line - 1 : bodyFirstLine, column: m.column ?? undefined };
    return diagnostic({
      ruleId: m.ruleId ?? 'FILE-06',
      // A plugin can lower a finding to a warning (message.data.severity = 'warn').
      severity: extra?.severity,
      file: context.file,
      ...where,
      field: field?.join('.'),
      message: m.reason,
      fix: m.note ?? '',
    });
  });
}
