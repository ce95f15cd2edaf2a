// Node's compile cache (V8's code for each module), through Node's public API
// (module.enableCompileCache), kept in the project's .cache/node-compile/. The Astro process
// inherits the folder through NODE_COMPILE_CACHE (astro-process.ts passes it on).
// Node's own NODE_DISABLE_COMPILE_CACHE=1 turns it off (https://nodejs.org/api/module.html#module-compile-cache).
import { enableCompileCache as enableNodeCompileCache } from 'node:module';
import path from 'node:path';
import { projectRoot } from './paths.ts';

/** Turns the cache on for the modules this process loads from now on. */
export function enableCompileCache(): void {
  process.env.NODE_COMPILE_CACHE ??= path.join(projectRoot, '.cache', 'node-compile');
  enableNodeCompileCache(process.env.NODE_COMPILE_CACHE);
}
