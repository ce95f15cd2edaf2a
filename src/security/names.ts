// FILE-05: the one grammar for the names that become folders and URLs — site ids (the folders
// under sites/ and content/), column ids, topic ids and slugs. Lower-case ASCII letters and
// digits in runs joined by single hyphens, at most 100 characters: such a name needs no escaping
// in a path, a URL, a shell word, an nginx or a Netlify file, and cannot be `.`, `..`, hidden,
// or differ from another only in case (two folders that one file system would merge).

/** `news`, `shili-jyt`, `2026-winter-heating`. */
export const ID_PATTERN = /^(?=[a-z0-9-]{1,100}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ID_MAX_LENGTH = 100;

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** A name in the grammar made from `name` (letters lower-cased, everything else a hyphen), or `fallback`. */
export function suggestId(name: string, fallback: string): string {
  const ascii = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ID_MAX_LENGTH)
    .replace(/-+$/, '');
  return ascii || fallback;
}

/** Why `value` is not a name of the grammar, in words an editor understands. */
export function idProblem(value: string): string | undefined {
  if (isId(value)) return undefined;
  if (value.length === 0) return '是空的';
  if (value.startsWith('.')) return '以“.”开头（隐藏目录）';
  if (value.length > ID_MAX_LENGTH) return `超过 ${ID_MAX_LENGTH} 个字符`;
  if (/[A-Z]/.test(value)) return '含有大写字母';
  if (/[^\x21-\x7e]/.test(value)) return /\s/.test(value) ? '含有空格' : '含有汉字、全角或其他非英文字符';
  if (/--|^-|-$/.test(value)) return '连字符 - 不能在开头、结尾或连用';
  return '含有小写字母、数字和 - 以外的字符';
}

/**
 * A file or folder name as it may be printed: invisible characters (a newline, an escape
 * sequence…) as `\u{…}`, so that a name cannot forge lines of a log. Names of the grammar, and
 * ordinary Chinese names, are unchanged.
 */
export function printableName(name: string): string {
  return [...name].map((ch) => (/[\p{C}\p{Z}]/u.test(ch) && ch !== ' ' ? `\\u{${ch.codePointAt(0)!.toString(16)}}` : ch)).join('');
}
