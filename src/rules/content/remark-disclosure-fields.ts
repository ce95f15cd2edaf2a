// OPEN-01: the disclosure attributes of an item (政府信息公开目录, 粤/指引 6): 主题分类 from the
// platform's subject list (data/subject-classification.yaml, by its name; the code names the
// category's pages of the catalogue), and a reason for
// 不予公开. The kind (体裁) and the mode (公开方式) are checked by the front-matter schema.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { closestName } from '../../util/closest-name.ts';
import { loadDataFile } from './support/data-files.ts';
import { report } from './support/text.ts';

export const subjectsSchema = z.strictObject({
  subjects: z.array(z.strictObject({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1) })).min(1),
});

export type Subject = z.output<typeof subjectsSchema>['subjects'][number];

/** The subject an item's `subject` names, if any. */
export function findSubject(subjects: readonly Subject[], written: string): Subject | undefined {
  return subjects.find((s) => s.name === written);
}

export default function remarkDisclosureFields() {
  return (_tree: Root, file: VFile) => {
    const data = file.data.govsite?.frontMatter;
    if (!data) return;
    if (data.subject !== undefined) {
      const { subjects } = loadDataFile(file, 'subject-classification.yaml', subjectsSchema);
      if (!findSubject(subjects, data.subject)) {
        const guess = closestName(data.subject, subjects.map((s) => s.name));
        report(
          file,
          {
            ruleId: 'OPEN-01',
            reason: `主题分类“${data.subject}”不在平台的主题分类表中（data/subject-classification.yaml）`,
            note: guess ? `改为“${guess}”（照表中的名称写，标点也要一致）` : `改为表中的名称，例如 subject: ${subjects[1]?.name ?? subjects[0]!.name}`,
          },
          { field: ['subject'] },
        );
      }
    }
    if (data.disclosure === '不予公开' && !data.disclosureReason) {
      report(
        file,
        {
          ruleId: 'OPEN-01',
          reason: '公开方式为“不予公开”，但没有写理由：信息公开目录须说明不予公开的依据',
          note: '加一行 disclosureReason: 说明依据（例如 “属于《政府信息公开条例》第十四条规定的情形”）',
        },
        { field: ['disclosure'] },
      );
    }
  };
}
