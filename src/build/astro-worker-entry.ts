// The entry of the Astro process (astro-process.ts): the module caches first
// (src/util/module-caches.ts), then the process itself (astro-worker.ts), whose modules and
// Astro's are loaded through them.
import { enableModuleCaches } from '../util/module-caches.ts';

enableModuleCaches();
await import('./astro-worker.ts');
