// Astro compiles the page templates with Vite (its prerender bundle) and then renders the pages
// from that bundle (generatePages, core/build/generate.js), after which it deletes the bundle. A
// render that compiles keeps it (astro-generate-keep.ts), so that an edit's render can start from it
// (render-compiled-pages.ts) instead of compiling the same templates again. Astro offers no hook
// between the two steps, so its own import of generate.js is pointed at the module that keeps the
// bundle; only that one import is redirected, nothing else Astro loads changes.
import { registerHooks } from 'node:module';

const KEEPER = new URL('./astro-generate-keep.ts', import.meta.url).href;

/** Called before Astro is imported: the redirection applies to modules resolved afterwards. */
export function keepCompiledPagesOnGenerate(): void {
  registerHooks({
    resolve(specifier, context, next) {
      if (specifier === './generate.js' && context.parentURL?.endsWith('/astro/dist/core/build/static-build.js')) {
        return { url: KEEPER, shortCircuit: true };
      }
      return next(specifier, context);
    },
  });
}
