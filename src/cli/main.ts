// govsite's one command-line entry; npm scripts call it (npm run build / dev / validate / check …).
//
// A build's Astro process is not started here: buildPlatform starts it ahead once the check finds
// that a render is likely (src/build/build-platform.ts, astro-process.ts). Started here for every
// build, it took a core from the builds Astro had no part in: a rebuild with nothing changed, an
// edit of a body alone (body-patch.ts).
import { runCommand } from './commands.ts';

await runCommand(process.argv.slice(2));
