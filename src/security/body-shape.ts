// SEC-05 for the shape of a body: runs of markup the Markdown parser reads in quadratic time are
// refused before it reads them (the numbers and why: BODY_SHAPE_LIMITS in limits.ts), so one file
// cannot hold up `validate`, `check` and the build of the whole platform.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { BODY_SHAPE_LIMITS } from './limits.ts';

const MARKUP = /[*_[\]()<>~]/g;

function markupIn(text: string): number {
  return text.match(MARKUP)?.length ?? 0;
}

/** Nesting of a line: quote markers at its start, or its indentation in list steps of two spaces. */
function nestingOf(line: string): number {
  const quotes = /^[\s>]*/.exec(line)![0].replace(/\s/g, '').length;
  const indent = /^ */.exec(line.replace(/\t/g, '    '))![0].length;
  return Math.max(quotes, Math.floor(indent / 2));
}

export function bodyShapeProblems(body: string, file: string, bodyFirstLine: number): Diagnostic[] {
  const tooMuch = (line: number, message: string) =>
    diagnostic({ ruleId: 'SEC-05', file, line, message, fix: '这一段不像正文：删除重复的符号；确需大量表格或列表的内容请拆分成几段，或作为附件提供' });
  const lines = body.split('\n');
  let total = 0;
  let blockStart = 0;
  let blockMarkup = 0;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    if (line === undefined || line.trim() === '') {
      if (blockMarkup > BODY_SHAPE_LIMITS.markupPerBlock) {
        return [tooMuch(bodyFirstLine + blockStart, `正文第 ${bodyFirstLine + blockStart} 行起的一段有 ${blockMarkup} 个 * _ [ ] ( ) < > ~ 符号，超过上限 ${BODY_SHAPE_LIMITS.markupPerBlock} 个`)];
      }
      blockStart = index + 1;
      blockMarkup = 0;
      continue;
    }
    const count = markupIn(line);
    blockMarkup += count;
    total += count;
    if (total > BODY_SHAPE_LIMITS.markupPerBody) {
      return [tooMuch(bodyFirstLine + index, `正文的 * _ [ ] ( ) < > ~ 符号超过上限 ${BODY_SHAPE_LIMITS.markupPerBody} 个`)];
    }
    if (nestingOf(line) > BODY_SHAPE_LIMITS.nesting) {
      return [tooMuch(bodyFirstLine + index, `正文这一行的引用或列表嵌套超过 ${BODY_SHAPE_LIMITS.nesting} 层`)];
    }
  }
  return [];
}
