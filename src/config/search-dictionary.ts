// SRCH-05 the search dictionary (data/search-synonyms.yaml): how citizens say things (老人, 吃饭,
// 社保卡, 怎么办) mapped to the words government documents use (老年人, 助餐, 社会保障卡, 办理),
// and the question words a query is stripped of. Platform data: a change rebuilds every site
// (src/incremental/build-inputs.ts), whose search bundle carries the dictionary to the search
// page (src/index/search-terms.ts), where queries are rewritten (templates/scripts/search-rewrite.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../util/paths.ts';
import { loadDataFileAt } from './data-file.ts';

export const SEARCH_DICTIONARY_NAME = 'search-synonyms.yaml';
export const SEARCH_DICTIONARY_FILE = path.join(projectRoot, 'data', SEARCH_DICTIONARY_NAME);

const HAN_TERM = /^[\p{Script=Han}0-9A-Za-z]{1,16}$/u;
const term = (what: string) =>
  z.string({ error: `${what}必须是文字` }).regex(HAN_TERM, { error: `${what}只能是 1 到 16 个汉字、数字或字母，不能有空格或标点` });

const entrySchema = z.strictObject(
  {
    say: z.array(term('口语说法（say）')).min(1, { error: 'say 至少写一种口语说法' }),
    official: z.array(term('规范用语（official）')).min(1, { error: 'official 至少写一个规范用语' }),
  },
  { error: '每一条写成 { say: [口语说法], official: [规范用语] }' },
);

export const searchDictionarySchema = z
  .strictObject(
    {
      synonyms: z.array(entrySchema).default([]),
      questionWords: z.array(term('提问用词（questionWords）')).default([]),
    },
    { error: '词典只能有 synonyms 和 questionWords 两项' },
  )
  .superRefine((dictionary, context) => {
    // A saying listed twice would be rewritten by whichever entry comes first: say which.
    const seen = new Map<string, number>();
    dictionary.synonyms.forEach((entry, index) => {
      for (const say of entry.say) {
        const first = seen.get(say);
        if (first !== undefined) {
          context.addIssue({ code: 'custom', path: ['synonyms', index, 'say'], message: `“${say}”已在第 ${first + 1} 条里写过：每种说法只能出现一次，请合并这两条` });
        } else seen.set(say, index);
      }
    });
  });

export type SearchDictionary = z.output<typeof searchDictionarySchema>;

/**
 * The dictionary of the platform at `root` (its own data/search-synonyms.yaml if it has one, as
 * for the content rules' data files, else the repository's), read once and again when the file
 * changes; throws (in Chinese) when it is broken.
 */
export function loadSearchDictionary(root?: string): SearchDictionary {
  const own = root && path.join(root, 'data', SEARCH_DICTIONARY_NAME);
  return loadDataFileAt(own && existsSync(own) ? own : SEARCH_DICTIONARY_FILE, SEARCH_DICTIONARY_NAME, searchDictionarySchema);
}
