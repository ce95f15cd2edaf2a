// Loaded with `node --import` (tests/unit/astro-process.test.ts, tests/integration/build-start.test.ts):
// writes to TRACE_START_LOG, in order, every child process the CLI spawns and every govsite module
// it loads, each line starting with the process id (child processes given the same NODE_OPTIONS
// write theirs too), so a test can tell what a command loads and when.
import childProcess from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { registerHooks, syncBuiltinESMExports } from 'node:module';

const log = (/** @type {string} */ line) => appendFileSync(/** @type {string} */ (process.env.TRACE_START_LOG), `${process.pid} ${line}\n`);
const spawn = childProcess.spawn;
/** @type {(command: string, args: readonly string[], ...rest: [options: import('node:child_process').SpawnOptions]) => import('node:child_process').ChildProcess} */
const tracedSpawn = (command, args, ...rest) => {
  const child = spawn(command, args, ...rest);
  log(`spawn ${child.pid} ${(args ?? []).join(' ')}`);
  return child;
};
// One signature standing for spawn's overloads, which all end in it.
childProcess.spawn = /** @type {typeof spawn} */ (tracedSpawn);
syncBuiltinESMExports();
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:') && !url.includes('/node_modules/')) log(`load ${url}`);
    return next(url, context);
  },
});
