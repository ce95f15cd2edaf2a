// A worker thread of linkFilesAside (link-files.ts): makes the folders and links it is sent, and
// answers once they are all there, or with the first error.
import { parentPort, workerData } from 'node:worker_threads';
import { linkFiles } from './link-files.ts';

try {
  linkFiles(workerData as Array<[string, string]>);
  parentPort!.postMessage({ ok: true });
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  parentPort!.postMessage({ ok: false, message: e.message, code: e.code });
}
