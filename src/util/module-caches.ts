// The caches that make loading govsite's modules faster, turned on first thing by each process's
// entry (src/cli/main.ts, src/build/astro-worker-entry.ts); GOVSITE_NO_MODULE_CACHE turns both off,
// GOVSITE_NO_STRIP_CACHE the second one (to measure them apart).
//
// Node's compile cache (V8's code for each module) is kept in .cache/node-compile/; the Astro
// process inherits it through NODE_COMPILE_CACHE. Loading the build's modules and Astro's took
// about 0.12 s less of a one-item edit with it (1,000 items, medians of 7 interleaved runs,
// 2026-12-03; measured the day before on a busier machine, it showed no gain).
//
// Node runs govsite's TypeScript by stripping the types of each module as it loads it, with a
// WebAssembly build of swc: 0.13–0.15 s of the main thread in every build, for the same files
// each time (profiled 2026-12-03, a one-item edit at 1,000 items), which Node 22's compile cache
// does not keep. This load hook keeps the stripped text of each module, named by the hash of its
// source, and gives it to Node as JavaScript. Stripping only blanks the types out, so lines and
// columns, and with them every stack trace, are those of the .ts file.
//
// The hook asks the next one for the source first, so hooks registered before it (a test's
// trace of what a build loads) still see every module.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { enableCompileCache, registerHooks, stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { projectRoot } from './paths.ts';

/** The stripped text, without the warning Node prints once per process for its API being experimental. */
function strip(source: string): string {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).includes('stripTypeScriptTypes')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Loads the TypeScript modules imported from now on through stripped copies kept in `dir`. */
function cacheStrippedTypeScript(dir: string): void {
  registerHooks({
    load(url, context, next) {
      const loaded = next(url, context);
      if (loaded.format !== 'module-typescript' || loaded.source === undefined || loaded.source === null) return loaded;
      const source = typeof loaded.source === 'string' ? loaded.source : Buffer.from(loaded.source as Uint8Array).toString('utf8');
      const file = path.join(dir, `${createHash('sha256').update(source).digest('hex').slice(0, 32)}.js`);
      let stripped: string;
      try {
        stripped = readFileSync(file, 'utf8');
      } catch {
        // Not kept yet. A syntax Node cannot strip throws here as it would in Node's own loader.
        stripped = strip(source);
        try {
          mkdirSync(dir, { recursive: true });
          // Written beside and renamed: a build running meanwhile reads a whole file or none.
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, stripped);
          renameSync(temporary, file);
        } catch {
          // A cache that cannot be written only loses its time.
        }
      }
      return { ...loaded, format: 'module', source: stripped };
    },
  });
}

/** Turns both caches on for the modules this process loads from now on (not those it loaded already). */
export function enableModuleCaches(): void {
  if (process.env.GOVSITE_NO_MODULE_CACHE) return;
  process.env.NODE_COMPILE_CACHE ??= path.join(projectRoot, '.cache', 'node-compile');
  enableCompileCache(process.env.NODE_COMPILE_CACHE);
  if (!process.env.GOVSITE_NO_STRIP_CACHE) cacheStrippedTypeScript(path.join(projectRoot, '.cache', 'stripped-ts'));
}
