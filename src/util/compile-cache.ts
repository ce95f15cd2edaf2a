// Node's compile cache (V8's code for each module), through Node's public API
// (module.enableCompileCache), kept in the project's .cache/node-compile/. The Astro process
// inherits the folder through NODE_COMPILE_CACHE (astro-process.ts passes it on).
// GOVSITE_NO_MODULE_CACHE turns it off (to measure without it).
import { enableCompileCache as enableNodeCompileCache } from 'node:module';
import path from 'node:path';
import { projectRoot } from './paths.ts';

/** Turns the cache on for the modules this process loads from now on. */
export function enableCompileCache(): void {
  if (process.env.GOVSITE_NO_MODULE_CACHE) return;
  process.env.NODE_COMPILE_CACHE ??= path.join(projectRoot, '.cache', 'node-compile');
  enableNodeCompileCache(process.env.NODE_COMPILE_CACHE);
}
