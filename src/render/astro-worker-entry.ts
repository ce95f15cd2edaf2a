// The entry of the Astro process (astro-process.ts): the child-process guard (render-sandbox.ts)
// first, then the process itself (astro-worker.ts), whose modules and Astro's are loaded after it.
import { restrictChildProcesses } from './render-sandbox.ts';

// Before any of Astro's modules or the content: no program can be started.
restrictChildProcesses();
await import('./astro-worker.ts');
