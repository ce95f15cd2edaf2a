// Loading an item from its source is CPU work: the MDX parse, the YAML, the front-matter schema
// and the item checks, about 2 ms an item. At 10,000 items that was 20 s on one core while the
// other core waited, before every cold build and full check (profiled on 2026-12-01: 5.4 s
// parsing MDX, 8.2 s item checks, 2.6 s YAML). The pool spreads it over worker threads, one per
// core. The first items are loaded on this thread, so a build that finds a few changed files
// starts no thread at all.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SiteConfig } from '../schema/site-schema.ts';
import type { Candidate, ContentItem } from '../content/items.ts';

/** What a worker needs to load one item file: the loader's candidate. */
export type ItemLoadTask = Candidate;

/** A loaded item without its field locator (a function, which stays on the worker): the caller attaches one. */
export interface ItemLoadResult {
  item?: Omit<ContentItem, 'locate'>;
  diagnostics: Diagnostic[];
}

export interface ItemLoadRequest {
  id: number;
  task: ItemLoadTask;
  siteId: string;
  /** Sent with a site's first item to each worker only. */
  config?: SiteConfig;
}

export type ItemLoadReply = { id: number; result: ItemLoadResult } | { id: number; error: { message: string; stack?: string } };

interface PoolWorker {
  worker: Worker;
  inFlight: number;
  sites: Set<string>;
}

export interface ItemLoadPoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /** Items loaded on the calling thread before any worker is started (default 256: a thread's start costs what about 250 items do). */
  loadHereFirst?: number;
}

export class ItemLoadPool {
  readonly #threads: number;
  #loadHere: number;
  readonly #workers: PoolWorker[] = [];
  readonly #waiting = new Map<number, { resolve: (result: ItemLoadResult) => void; reject: (reason: unknown) => void; worker: PoolWorker }>();
  #nextId = 0;
  #closed = false;
  #loadedOnWorkers = 0;

  constructor(options: ItemLoadPoolOptions = {}) {
    this.#threads = Math.max(1, options.threads ?? availableParallelism());
    this.#loadHere = options.loadHereFirst ?? 256;
  }

  /** Loads an item on a worker, or with `loadHere` while the pool is still within its first items. */
  load(task: ItemLoadTask, siteId: string, config: SiteConfig, loadHere: () => Promise<ItemLoadResult>): Promise<ItemLoadResult> {
    if (this.#closed) throw new Error('ItemLoadPool: load() after close()');
    if (this.#loadHere > 0) {
      this.#loadHere--;
      return loadHere();
    }
    const target = this.#leastBusy();
    const id = this.#nextId++;
    const firstOfSite = !target.sites.has(siteId);
    target.sites.add(siteId);
    target.inFlight++;
    const request: ItemLoadRequest = { id, task, siteId, ...(firstOfSite && { config }) };
    target.worker.postMessage(request);
    return new Promise((resolve, reject) => this.#waiting.set(id, { resolve, reject, worker: target }));
  }

  /** Items the workers have loaded so far (not those loaded with `loadHere`). */
  get loadedOnWorkers(): number {
    return this.#loadedOnWorkers;
  }

  /** Stops the workers; loads still running are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
    for (const { reject } of this.#waiting.values()) reject(new Error('ItemLoadPool closed'));
    this.#waiting.clear();
  }

  #leastBusy(): PoolWorker {
    if (this.#workers.length === 0) for (let i = 0; i < this.#threads; i++) this.#start();
    return this.#workers.reduce((best, w) => (w.inFlight < best.inFlight ? w : best));
  }

  #start(): void {
    const worker = new Worker(new URL('./item-load-worker.ts', import.meta.url));
    // The pool never keeps the process alive; close() ends the threads.
    worker.unref();
    const entry: PoolWorker = { worker, inFlight: 0, sites: new Set() };
    worker.on('message', (reply: ItemLoadReply) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      entry.inFlight--;
      if ('error' in reply) {
        const error = new Error(reply.error.message);
        if (reply.error.stack) error.stack = reply.error.stack;
        waiting.reject(error);
      } else {
        this.#loadedOnWorkers++;
        waiting.resolve(reply.result);
      }
    });
    worker.on('error', (error) => {
      for (const [id, waiting] of this.#waiting) {
        if (waiting.worker !== entry) continue;
        this.#waiting.delete(id);
        waiting.reject(error);
      }
    });
    this.#workers.push(entry);
  }
}
