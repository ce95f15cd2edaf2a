// Runs Astro for one site in its sandboxed process (astro-process.ts) and turns a failure into
// what the editor can act on: a diagnostic at the content file's line when the compile points
// into content, else a platform error (scrubbed where it is printed: src/pipeline/build-platform.ts).
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseContentError } from '../diagnostics/content-error.ts';
import { scrubMachineData } from '../diagnostics/scrub-machine-data.ts';
import { relativePath } from '../util/paths.ts';
import { astroRootFor } from './astro-root.ts';
import { astroProcess } from './astro-process.ts';
import type { WrittenPages } from './written-pages.ts';

export interface AstroRun {
  /** Folder holding sites/ and content/. */
  root: string;
  siteId: string;
  /** Where Astro writes the pages. */
  outDir: string;
  /** The site data file the integration reads (src/render/site-data.ts). */
  dataFile: string;
  /** `YYYY-MM-DD HH:MM` China time. */
  now: string;
  verbose?: boolean;
  /** Fed Astro's log, which names each page written (written-pages.ts). */
  written?: WrittenPages;
}

export interface RenderOutcome {
  code: number;
  stderr: string;
}

export function runAstro({ root, siteId, outDir, dataFile, now, verbose, written }: AstroRun): Promise<RenderOutcome> {
  return new Promise((resolve) => {
    const child = astroProcess(
      // Astro puts intermediate server chunks in <cwd>/.astro when the output folder is outside
      // the cwd: the site's own root keeps parallel builds apart.
      astroRootFor(root, siteId),
      {
        GOVSITE_SITE: siteId,
        GOVSITE_CONTENT_ROOT: root,
        GOVSITE_OUT_DIR: outDir,
        GOVSITE_NOW: now,
        GOVSITE_DATA_FILE: dataFile,
        // Astro's info log names each page it has written (written-pages.ts); shown only with --verbose.
        ...(verbose || written ? { GOVSITE_ASTRO_LOG: 'info' } : {}),
      },
    );
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      written?.feed(chunk);
      if (verbose) process.stdout.write(chunk);
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** The compile's failure of a content file: FILE-06 at its line, in the compiler's first words. */
function unrenderableBody(file: string, error: { message: string; line?: number; column?: number }, root: string): Diagnostic {
  return diagnostic({
    ruleId: 'FILE-06',
    file,
    line: error.line,
    column: error.column,
    // The compiler's own words may quote the file they failed on: only its first line, scrubbed.
    message: `正文无法渲染：${scrubMachineData(error.message.split('\n')[0]!, root)}`,
    fix: '检查这一行的 MDX 写法（尖括号、花括号、组件名和图片路径）',
  });
}

/** Turns the worker's failure into a diagnostic when it points into content, else a platform error. */
export function explainAstroFailure(stderr: string, root: string): { diagnostics: Diagnostic[]; internalError?: string } {
  const line = stderr.split('\n').find((l) => l.startsWith('GOVSITE_BUILD_ERROR '));
  if (!line) return { diagnostics: [], internalError: stderr.trim() || 'Astro 构建进程异常退出' };
  const error = JSON.parse(line.slice('GOVSITE_BUILD_ERROR '.length)) as { message: string; file?: string; line?: number; column?: number };
  const file = error.file ? relativePath(root, error.file.replace(/^file:\/\//, '').split('?')[0]!) : undefined;
  const inContent = file !== undefined && file.startsWith('content/') && file.endsWith('.mdx');
  // Raised by govsite's own plugins in the compile (plugins/mdx-data-only.ts, checked-body.ts).
  const content = parseContentError(error.message);
  if (content && inContent) {
    return { diagnostics: [diagnostic({ ruleId: content.ruleId, file, line: content.line ?? error.line, column: content.column ?? error.column, message: content.message, fix: content.fix })] };
  }
  if (inContent) return { diagnostics: [unrenderableBody(file, error, root)] };
  return { diagnostics: [], internalError: `${error.message}${file ? `\n  位置：${file}${error.line ? `:${error.line}` : ''}` : ''}` };
}
