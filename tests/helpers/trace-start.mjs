// Loaded with `node --import` by tests/unit/astro-process.test.ts: writes to TRACE_START_LOG, in
// order, every child process the CLI spawns and every govsite module it loads, so a test can tell
// what the build command does before it loads its own modules.
import childProcess from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { registerHooks, syncBuiltinESMExports } from 'node:module';

const log = (line) => appendFileSync(process.env.TRACE_START_LOG, `${line}\n`);
const spawn = childProcess.spawn;
childProcess.spawn = (command, args, ...rest) => {
  const child = spawn(command, args, ...rest);
  log(`spawn ${child.pid} ${(args ?? []).join(' ')}`);
  return child;
};
syncBuiltinESMExports();
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:') && !url.includes('/node_modules/')) log(`load ${url}`);
    return next(url, context);
  },
});
