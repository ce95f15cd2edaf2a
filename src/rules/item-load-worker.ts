// A worker thread of the item load pool (item-load-pool.ts): loads and checks item files as
// load-items.ts does on the main thread, and sends back the item without its locator.
import { parentPort } from 'node:worker_threads';
import type { SiteConfig } from '../schema/site-schema.ts';
import type { ItemLoadReply, ItemLoadRequest } from './item-load-pool.ts';
import { loadItemFromSource } from './load-items.ts';

const configs = new Map<string, SiteConfig>();

parentPort!.on('message', async ({ id, task, siteId, config }: ItemLoadRequest) => {
  if (config) configs.set(siteId, config);
  let reply: ItemLoadReply;
  try {
    const { item, diagnostics } = await loadItemFromSource(task, siteId, configs.get(siteId)!, {});
    if (item) {
      const { locate: _locate, ...sent } = item;
      reply = { id, result: { item: sent, diagnostics } };
    } else {
      reply = { id, result: { diagnostics } };
    }
  } catch (error) {
    const e = error as Error;
    reply = { id, error: { message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(reply);
});
