// The entry of the Astro process (astro-process.ts): the child-process guard (render-sandbox.ts) and the module caches first
// (src/util/module-caches.ts), then the process itself (astro-worker.ts), whose modules and
// Astro's are loaded through them.
import { enableModuleCaches } from '../util/module-caches.ts';
import { restrictChildProcesses } from './render-sandbox.ts';

// Before any of Astro's modules or the content: no program but esbuild's service can be started.
restrictChildProcesses();
enableModuleCaches();
await import('./astro-worker.ts');
