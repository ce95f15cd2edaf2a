// SEC-05: the size limits of what an editor writes, in one table. A hostile (or careless) file
// must not make the build read, hold or publish without bound: a 52 MB `description` was copied
// into every list page, feed and search record of its site and turned 1.5 MB of output into
// 302 MB. Each number is far above what the platform's real content needs (the demo platform's
// longest title is 61 characters, its longest issuer 72, its longest body 3 KB) and far below
// what would hurt a build. Lengths of text are in characters (UTF-16 code units, as JavaScript
// counts them); sizes of files in bytes.

/** Whole files, checked on the bytes before they are decoded or parsed. */
export const FILE_LIMITS = {
  /** A content file (.mdx): the longest body in UTF-8 (3 bytes a character) plus its front matter. */
  contentFileBytes: 3 * 1024 * 1024,
  /** site.yaml: the demo platform's largest is 4 KB; a portal with 300 columns stays under 100 KB. */
  siteConfigBytes: 512 * 1024,
} as const;

/**
 * An MDX body, in characters: five times the Civil Code (about 110,000 characters, the longest
 * law), about 1.8 MB of Chinese text. Longer documents belong in attachments.
 */
export const BODY_MAX_CHARS = 600_000;

/**
 * The shape of a body, checked before the Markdown parser reads it. The parser takes time that
 * grows with the square of some runs of markup: 8,000 `*a` in one paragraph took 1.7 s, 280,000
 * nested `[` twelve minutes, for a body well under BODY_MAX_CHARS. Real documents write
 * brackets and quotes full-width（）《》“”, so ASCII markup is sparse: the demo's busiest
 * paragraph has 44 of these characters, its busiest body 48.
 */
export const BODY_SHAPE_LIMITS = {
  /** Markup characters `* _ [ ] ( ) < > ~` in one block (text between blank lines): 250 links' worth. */
  markupPerBlock: 1000,
  /** The same in the whole body. */
  markupPerBody: 20_000,
  /** Nesting of lists (by indentation) and quotes (`>` at the start of a line). */
  nesting: 16,
} as const;

/** YAML (front matter and site.yaml), checked on the parsed document before it becomes data. */
export const YAML_LIMITS = {
  /** Front matter as a whole: 200 attachments with long names fit in 128 K characters. */
  frontMatterChars: 128 * 1024,
  /**
   * Aliases (`*name`) in one file. Editors hardly ever use anchors; a few shared blocks in a
   * site.yaml are the most seen. Nine nested anchors of nine aliases each (a "billion laughs")
   * would expand to 387 million values.
   */
  aliases: 20,
  /** And what they expand to: the `yaml` package's own guard (toJS maxAliasCount), kept low. */
  aliasExpansion: 100,
  /** Nesting of lists and field groups: site.yaml's deepest is 4 (lifecycle.offline[].alternative.url). */
  depth: 12,
  /** Entries of one list or field group: 300 columns or channels are a very large portal. */
  collectionEntries: 1000,
} as const;

/** The longest a single text in YAML may be, by field (front matter paths; `*` is any list index). */
export const FIELD_MAX_CHARS: Readonly<Record<string, number>> = {
  // Titles appear in <title>, list pages, feeds and search; the longest document titles of the
  // State Council run to about 100 characters.
  title: 200,
  // A summary is shown in lists and search results, and repeated in meta tags and feeds.
  description: 2000,
  source: 200,
  author: 200,
  reviewedBy: 100,
  // Joint documents list every issuing body: 20 agencies of 25 characters.
  issuer: 500,
  docNumber: 100,
  imageAlt: 500,
  image: 255,
  topic: 100,
  interprets: 200,
  'keywords.*': 50,
  'attachments.*.title': 300,
  // A file name: the longest most file systems allow.
  'attachments.*.file': 255,
  'status.note': 1000,
  'status.replacedBy': 200,
  'reprint.site': 200,
  // The longest URL browsers and servers reliably accept.
  'reprint.url': 2000,
  'archived.reason': 1000,
  'privacyReviewed.by': 100,
};

/** Any other text in front matter or site.yaml (site.yaml's longest are its notices and descriptions). */
export const DEFAULT_FIELD_MAX_CHARS = 5000;

/** The most entries a front-matter list may have. */
export const LIST_MAX_ENTRIES: Readonly<Record<string, number>> = {
  keywords: 30,
  attachments: 200,
};

/** The limit for a text at `path` (field names and list indexes). */
export function fieldMaxChars(path: readonly (string | number)[]): number {
  const key = path.map((part) => (typeof part === 'number' ? '*' : part)).join('.');
  return FIELD_MAX_CHARS[key] ?? DEFAULT_FIELD_MAX_CHARS;
}

/** Sizes for messages: 2.3 MB, 512 KB, 900 字节. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
