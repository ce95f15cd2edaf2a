// The worker thread of runAside (run-aside.ts): calls the function it is sent and answers with
// its result, or with its error's message and code.
import { parentPort, workerData } from 'node:worker_threads';
import type { AsideReply } from './run-aside.ts';

const { module, name, args } = workerData as { module: string; name: string; args: unknown[] };
let reply: AsideReply;
try {
  const exports = (await import(module)) as Record<string, (...args: unknown[]) => unknown>;
  reply = { ok: true, value: await exports[name]!(...args) };
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  reply = { ok: false, message: e.message, code: e.code };
}
parentPort!.postMessage(reply);
