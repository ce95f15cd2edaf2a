// Which pages Astro has finished writing, read from its log while it still renders: the search
// index (index-site.ts) takes each item page as soon as it is on disk instead of waiting for the
// whole site. Pagefind then runs beside Astro; in an edit it indexes the pages carried over
// unchanged while Astro renders the changed ones (docs/performance.md has what it measured).
//
// Astro renders one page at a time and logs `├─ /news/a/index.html (+12ms)`: the path when it
// starts, the time once the file is written. Only a complete line counts as written. A page this
// log does not mention (a line cut by a warning, a page merged from the published output) is
// ready when `finish()` says the output is complete.

// eslint-disable-next-line no-control-regex
const COLOUR = /\x1b\[[0-9;]*m/g;
const WRITTEN_LINE = /├─ (\/\S+) (?:\(\+\d|\((?:cached|restored)\))/;

/** Output-relative path (`news/a/index.html`) of the page a complete Astro log line reports written. */
export function writtenPage(line: string): string | undefined {
  const match = line.replace(COLOUR, '').match(WRITTEN_LINE);
  return match ? match[1]!.slice(1) : undefined;
}

const ABORTED = '构建已中止';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class WrittenPages {
  private readonly written = new Set<string>();
  private htmlWritten = 0;
  private readonly waiting = new Map<string, Waiter[]>();
  private partial = '';
  private settled: 'complete' | 'failed' | undefined;
  private readonly settledWaiters: Waiter[] = [];

  /** HTML pages written so far (Astro's log names its feeds and robots.txt too). */
  get count(): number {
    return this.htmlWritten;
  }

  /** Feeds a chunk of Astro's standard output. */
  feed(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      const page = writtenPage(line);
      if (page) this.markWritten(page);
    }
  }

  /** A page is on disk (Astro's log says so, or the build wrote it itself: body-patch.ts). */
  markWritten(page: string): void {
    if (!this.written.has(page) && page.endsWith('.html')) this.htmlWritten++;
    this.written.add(page);
    for (const waiter of this.waiting.get(page) ?? []) waiter.resolve();
    this.waiting.delete(page);
  }

  /** The output is complete (Astro done, published pages merged): every page is ready. */
  finish(): void {
    this.settle('complete');
  }

  /** The build failed: nobody should go on reading its pages. */
  fail(): void {
    this.settle('failed');
  }

  private settle(state: 'complete' | 'failed'): void {
    if (this.settled) return;
    this.settled = state;
    for (const waiters of this.waiting.values()) {
      for (const waiter of waiters) state === 'complete' ? waiter.resolve() : waiter.reject(new Error(ABORTED));
    }
    this.waiting.clear();
    for (const waiter of this.settledWaiters) state === 'complete' ? waiter.resolve() : waiter.reject(new Error(ABORTED));
    this.settledWaiters.length = 0;
  }

  /** Resolves once the output is complete; rejects if the build failed. */
  complete = (): Promise<void> => {
    if (this.settled) return this.settled === 'complete' ? Promise.resolve() : Promise.reject(new Error(ABORTED));
    return new Promise((resolve, reject) => this.settledWaiters.push({ resolve, reject }));
  };

  /** Resolves once `page` (output-relative, forward slashes) can be read whole; rejects if the build failed first. */
  ready = (page: string): Promise<void> => {
    if (this.settled === 'failed') return Promise.reject(new Error(ABORTED));
    if (this.settled === 'complete' || this.written.has(page)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(page) ?? [];
      waiters.push({ resolve, reject });
      this.waiting.set(page, waiters);
    });
  };
}
