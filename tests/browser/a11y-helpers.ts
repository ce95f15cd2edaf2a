// Shared by the accessibility browser tests (a11y-*.test.ts): the page of each page type on the
// demo portal, contexts with saved toolbar preferences, axe-core, and a recording speech engine.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDirectory, type StaticServer } from '../helpers/static-server.ts';
import { PAGE_TYPES } from '../../templates/lib/a11y-testing.ts';

/** One page of every page type of the statement's list (templates/lib/a11y-testing.ts) on the shili portal. */
export const PAGES: Record<string, string> = Object.fromEntries(PAGE_TYPES.map((type) => [type.id, type.demoPath]));

/** Chromium and the built demo site `siteId` served on loopback, for the tests of one file: opened before them, closed after. */
export function demoSite(siteId = 'shili'): { readonly browser: Browser; readonly server: StaticServer } {
  const opened = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    opened.browser = await launchBrowser();
    opened.server = await serveDirectory(path.join(inject('demoRoot'), 'dist', siteId));
  });
  afterAll(async () => {
    await opened.browser?.close();
    await opened.server?.close();
  });
  return opened;
}

export const PREFS_KEY = 'govsite.a11y';
export type Prefs = Record<string, unknown>;

export interface ContextOptions {
  prefs?: Prefs;
  width?: number;
  height?: number;
  javaScriptEnabled?: boolean;
  /** A phone: touch screen (no hover, coarse pointer), mobile viewport, tap events. */
  touch?: boolean;
}

/** A fresh browser context whose localStorage already holds `prefs`, as after an earlier visit. */
export function newContext(browser: Browser, origin: string, { prefs, width = 1280, height = 900, javaScriptEnabled = true, touch = false }: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height },
    javaScriptEnabled,
    ...(touch ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    storageState: { cookies: [], origins: prefs ? [{ origin, localStorage: [{ name: PREFS_KEY, value: JSON.stringify(prefs) }] }] : [] },
  });
}

export async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(url.includes('no-such-page') ? 404 : 200);
  (page as Page & { scriptErrors: string[] }).scriptErrors = errors;
  return page;
}

export const scriptErrors = (page: Page): string[] => (page as Page & { scriptErrors?: string[] }).scriptErrors ?? [];

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the page, one line each; `enhanced` adds the 7:1 / 4.5:1 (large text) contrast rule. */
export async function axeViolations(page: Page, { enhanced = false } = {}): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (enhanced) => {
    type Result = { violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(document, enhanced ? { runOnly: ['color-contrast-enhanced'] } : { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  }, enhanced);
}

export const htmlAttributes = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...document.documentElement.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name, a.value])));

export const statusText = (page: Page, text: string | RegExp) =>
  expect
    .poll(() => page.locator('.a11y-toolbar [role="status"]').textContent(), { timeout: 5000 })
    .toMatch(text);

export const openTools = async (page: Page) => {
  const disclosure = page.getByRole('button', { name: '无障碍工具' });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
};

// ---- A recording speech engine ----

export interface SpokenCall {
  call: 'speak' | 'cancel' | 'pause' | 'resume';
  text?: string;
  rate?: number;
  lang?: string;
  voice?: string | null;
}

export interface FakeSpeechOptions {
  voices?: Array<{ lang: string; name: string }>;
  /** Milliseconds after which each utterance ends by itself; 0: only when the test says so. */
  auto?: number;
}

/**
 * Init script: wraps the page's real `speechSynthesis` (speak, cancel, pause, resume, getVoices)
 * to record every call and to fire the utterances' events as an engine would — start and a
 * sentence boundary when an utterance begins, end when it is finished (by the test, or after
 * `auto` ms), error “interrupted” when cancelled; pause holds the current utterance until resume.
 * The utterances are the page's real SpeechSynthesisUtterance objects.
 */
export function fakeSpeech(options: FakeSpeechOptions): void {
  type U = SpeechSynthesisUtterance & { __voice?: unknown };
  const synth = window.speechSynthesis;
  const state = {
    log: [] as Array<Record<string, unknown>>,
    queue: [] as U[],
    current: null as U | null,
    paused: false,
    auto: options.auto ?? 0,
    finish: (_?: U | null) => false as boolean,
    fail: (_: string) => {},
  };
  (window as unknown as { __speech: typeof state }).__speech = state;
  const fire = (u: U, type: string, error?: string) =>
    u.dispatchEvent(error ? new SpeechSynthesisErrorEvent('error', { utterance: u, error: error as SpeechSynthesisErrorCode }) : new SpeechSynthesisEvent(type, { utterance: u, charIndex: 0, name: type === 'boundary' ? 'sentence' : undefined }));
  const schedule = (u: U) => setTimeout(() => state.finish(u), state.auto);
  const begin = () => {
    if (state.current || state.paused) return;
    const u = state.queue.shift();
    if (!u) return;
    state.current = u;
    setTimeout(() => {
      if (state.current !== u) return;
      fire(u, 'start');
      fire(u, 'boundary');
      if (state.auto) schedule(u);
    });
  };
  state.finish = (u = state.current) => {
    if (!u || u !== state.current || state.paused) return false;
    state.current = null;
    fire(u, 'end');
    begin();
    return true;
  };
  state.fail = (error: string) => {
    const u = state.current;
    state.current = null;
    state.queue.length = 0;
    if (u) fire(u, 'error', error);
  };
  synth.speak = (u: U) => {
    // The rate is a float32 in the engine: 0.8 reads back as 0.800000011920929.
    state.log.push({ call: 'speak', text: u.text, rate: Math.round(u.rate * 1000) / 1000, lang: u.lang, voice: (u.voice as { lang?: string } | null)?.lang ?? null });
    state.queue.push(u);
    begin();
  };
  synth.cancel = () => {
    state.log.push({ call: 'cancel' });
    const u = state.current;
    state.queue.length = 0;
    state.current = null;
    if (u) fire(u, 'error', 'interrupted');
  };
  synth.pause = () => {
    state.log.push({ call: 'pause' });
    state.paused = true;
    if (state.current) fire(state.current, 'pause');
  };
  synth.resume = () => {
    state.log.push({ call: 'resume' });
    const wasPaused = state.paused;
    state.paused = false;
    if (!state.current) begin();
    else if (wasPaused) {
      fire(state.current, 'resume');
      if (state.auto) schedule(state.current);
    }
  };
  Object.defineProperty(synth, 'speaking', { get: () => state.current !== null });
  Object.defineProperty(synth, 'paused', { get: () => state.paused });
  Object.defineProperty(synth, 'pending', { get: () => state.queue.length > 0 });
  const voices = (options.voices ?? []).map((v) => ({ default: false, localService: true, voiceURI: v.name, ...v }));
  synth.getVoices = () => voices as unknown as SpeechSynthesisVoice[];
  // The real setter accepts only the browser's own voice objects.
  Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
    configurable: true,
    get(this: U) { return this.__voice ?? null; },
    set(this: U, voice: unknown) { this.__voice = voice; },
  });
}

export const speechLog = (page: Page): Promise<SpokenCall[]> => page.evaluate(() => (window as unknown as { __speech: { log: SpokenCall[] } }).__speech.log);
export const spoken = async (page: Page): Promise<SpokenCall[]> => (await speechLog(page)).filter((c) => c.call === 'speak');
/** Ends the utterance being spoken, as the engine would; false when none is (or when paused). */
export const finishUtterance = (page: Page): Promise<boolean> => page.evaluate(() => (window as unknown as { __speech: { finish: () => boolean } }).__speech.finish());

/** The text the reading highlight covers now, and the outlined element. */
export const highlight = (page: Page) =>
  page.evaluate(() => {
    const ranges = CSS.highlights.get('govsite-reading');
    const range = ranges ? ([...ranges][0] as Range | undefined) : undefined;
    const box = range?.getBoundingClientRect();
    const outlined = document.querySelector('[data-a11y-reading]');
    return {
      text: range?.toString().replace(/\s+/g, '') ?? null,
      outlined: outlined ? outlined.tagName.toLowerCase() : null,
      // Where it starts is on screen (a whole table, highlighted while its size is read, may be taller).
      inView: box ? box.top >= 0 && box.top < window.innerHeight - Math.min(box.height, 40) : false,
    };
  });

export const squash = (text: string) => text.replace(/\s+/g, '');
