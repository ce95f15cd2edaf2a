// The hostile-input tables of tests/security/: each case is a file written into a copy of the
// `mini` platform, the whole platform is loaded once, and each case then looks up its finding.
import { expect } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadPlatform } from '../../src/rules/load-site.ts';
import { copyPlatform, writeText } from './platform.ts';

/** An item of site alpha: front matter lines 2–5 (title, pubDate, source, reviewedBy), then `extra`, then the body from line BODY (after `extra`'s lines). */
export function item(options: { title?: string; pubDate?: string; extra?: string; body?: string } = {}): string {
  return `---\ntitle: ${options.title ?? '测试市政务公开工作动态'}\npubDate: ${options.pubDate ?? '2026-11-21 10:00'}\nsource: 测试市人民政府办公室\nreviewedBy: 刘敏\n${options.extra ?? ''}---\n\n${options.body ?? '正文。'}\n`;
}

/** The body's first line of an `item` whose front matter has no extra lines. */
export const BODY = 8;

/** A copy of `mini` with `files` written (path → text), and every diagnostic of its load. */
export async function loadWithFiles(files: Array<[string, string]>): Promise<{ root: string; found: Diagnostic[] }> {
  const root = copyPlatform('mini');
  for (const [file, text] of files) writeText(root, file, text);
  const found = [...(await loadPlatform(root, '2026-11-22 10:00')).values()].flatMap((site) => site.diagnostics);
  return { root, found };
}

/**
 * The finding of `ruleId` in `file`, asserted to be an error at `line` and printed as
 * `file:line` (the other findings of that file are shown when it is missing).
 */
export function findingAt(found: readonly Diagnostic[], file: string, ruleId: string, line: number, options: { only?: boolean } = {}): Diagnostic {
  const mine = found.filter((d) => d.file === file && d.ruleId === ruleId);
  const others = found.filter((d) => d.file === file).map(formatDiagnostic).join('\n');
  if (options.only) expect(mine.length, others).toBe(1);
  else expect(mine.length, others).toBeGreaterThan(0);
  const d = mine[0]!;
  expect(d.line).toBe(line);
  expect(formatDiagnostic(d)).toContain(`${file}:${line}`);
  expect(d.severity).toBe('error');
  return d;
}
