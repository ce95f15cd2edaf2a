// Running one exported function of a module in a worker thread. A large site's output is 10,000
// folders, and the calls that make or link them are kernel work the synchronous API does
// fastest (src/util/hash-files.ts) but which then holds the main thread: beside an Astro build,
// 10,000 mkdir calls took up to 7 s here, while the main thread should be feeding the search
// index (measured 2026-12-01). Its one user is linkFilesAside (link-files.ts); the walk of the
// published output was tried here too and not kept (docs/performance.md, 2026-12-02).
import { Worker } from 'node:worker_threads';

/** What the worker thread answers (run-aside-worker.ts). */
export type AsideReply = { ok: true; value: unknown } | { ok: false; message: string; code?: string };

/**
 * The result of `module`'s export `name` called with `args` in a new worker thread. Arguments and
 * result are copied between threads (structured clone), so both must be plain data.
 */
export function runAside<T>(module: URL, name: string, args: readonly unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./run-aside-worker.ts', import.meta.url), { workerData: { module: module.href, name, args } });
    let answered = false;
    worker.once('message', (reply: AsideReply) => {
      answered = true;
      if (reply.ok) resolve(reply.value as T);
      else reject(Object.assign(new Error(reply.message), { code: reply.code }));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`工作线程异常退出（${code}）`));
    });
  });
}
