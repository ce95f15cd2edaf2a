// A content error raised inside another program's process (the MDX compile in Astro's render):
// the error travels as a tagged line of JSON in the error message, so the build can report it
// as an editor's diagnostic (file:line, rule ID, fix) and not as a fault of the platform.
const TAG = 'GOVSITE_CONTENT_ERROR ';

export interface ContentErrorInfo {
  ruleId: string;
  message: string;
  fix: string;
  line?: number;
  column?: number;
}

export class ContentError extends Error {
  readonly info: ContentErrorInfo;
  constructor(info: ContentErrorInfo) {
    super(`${TAG}${JSON.stringify(info)}`);
    this.name = 'ContentError';
    this.info = info;
  }
}

/** The content error tagged anywhere in `text` (a wrapped or prefixed error message), if any. */
export function parseContentError(text: string): ContentErrorInfo | undefined {
  const start = text.indexOf(TAG);
  if (start === -1) return undefined;
  const json = text.slice(start + TAG.length).split('\n')[0]!;
  // The JSON is the tag's own; a wrapper may append text after it on the same line.
  for (let end = json.length; end > 0; end = json.lastIndexOf('}', end - 1)) {
    try {
      const info = JSON.parse(json.slice(0, end + 1)) as ContentErrorInfo;
      if (typeof info.ruleId === 'string' && typeof info.message === 'string') return info;
    } catch {
      // shorter
    }
    if (end <= 0) break;
  }
  return undefined;
}
