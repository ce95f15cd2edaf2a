// govsite's one command-line entry; npm scripts call it (npm run build / dev / validate / check …).
//
// A build's Astro process is started here, before govsite's own modules are loaded: they take
// about 0.7 s to load, and the process started ahead (src/build/astro-process.ts) spends that time
// loading Astro, which a one-item edit would otherwise wait for (measured 2026-12-02: the site was
// ready for Astro 1.4 s into an edit, Astro's process 2.8 s in when started after the imports).
import { parseArgs } from 'node:util';
import { startAstroAhead } from '../build/astro-process.ts';
import { CLI_OPTIONS } from './cli-options.ts';

const argv = process.argv.slice(2);
// Not strict: a wrong option is reported by the command itself, in its own words.
const command = parseArgs({ args: argv, options: CLI_OPTIONS, allowPositionals: true, strict: false }).positionals[0];
if (command === 'build') startAstroAhead();

const { runCommand } = await import('./commands.ts');
await runCommand(argv);
