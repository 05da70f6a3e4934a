/**
 * In-page instrumentation shared by the app and the bare reference page: a requestAnimationFrame
 * frame recorder, a `longtask` PerformanceObserver and an event counter that timestamps the moment
 * it reaches a target. Times are epoch ms (performance.timeOrigin + high-resolution time) so they
 * line up with the simulator's send times taken with Date.now() in this process.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { LongTask } from './stats';

export interface BenchProbes {
  frames: number[];
  recording: boolean;
  /** Bumped by every startFrames, so a loop left from an earlier recording stops instead of doubling up. */
  recorder: number;
  longTasks: LongTask[];
  count: number;
  target: number;
  reachedAt: number;
  lastChangeAt: number;
  setCount(n: number): void;
}

declare global {
  interface Window {
    __bench?: BenchProbes;
  }
}

/**
 * tsx compiles with esbuild's keepNames, which wraps nested functions in `__name(...)`; functions
 * serialised into the page by Playwright then need a no-op `__name` there.
 */
const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

function installProbes(): void {
  const origin = performance.timeOrigin;
  const probes: BenchProbes = {
    frames: [],
    recording: false,
    recorder: 0,
    longTasks: [],
    count: 0,
    target: Number.POSITIVE_INFINITY,
    reachedAt: 0,
    lastChangeAt: 0,
    setCount(n: number): void {
      if (n === probes.count) return;
      const now = origin + performance.now();
      probes.count = n;
      probes.lastChangeAt = now;
      if (n >= probes.target && probes.reachedAt === 0) probes.reachedAt = now;
    },
  };
  window.__bench = probes;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probes.longTasks.push({ start: origin + entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask entries are Chromium-only; the figures then read 0 rather than failing the run.
  }
}

export async function addProbeScripts(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  await context.addInitScript(installProbes);
}

/**
 * Mirrors an on-screen integer (the app's received counter) into the probe counter. The observer
 * fires after React commits the new text, so "reached" means "on screen", not "in a JS queue".
 */
export async function watchDomCounter(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const probes = window.__bench;
    const element = document.querySelector(sel);
    if (!probes || !element) throw new Error(`no probes or no ${sel}`);
    const read = (): void => {
      const current = document.querySelector(sel) ?? element;
      const digits = (current.textContent ?? '').replace(/[^0-9]/g, '');
      if (digits !== '') probes.setCount(Number(digits));
    };
    read();
    new MutationObserver(read).observe(element.parentElement ?? element, { subtree: true, childList: true, characterData: true });
  }, selector);
}

export interface CountState {
  count: number;
  reachedAt: number;
  lastChangeAt: number;
}

export function readCount(page: Page): Promise<CountState> {
  return page.evaluate(() => {
    const p = window.__bench!;
    return { count: p.count, reachedAt: p.reachedAt, lastChangeAt: p.lastChangeAt };
  });
}

/** Arms the "reached" timestamp for a counter value; resets frame and long-task buffers. */
export async function armTarget(page: Page, target: number): Promise<void> {
  await page.evaluate((t) => {
    const p = window.__bench!;
    p.target = t;
    p.reachedAt = p.count >= t ? performance.timeOrigin + performance.now() : 0;
    p.longTasks.length = 0;
  }, target);
}

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const p = window.__bench!;
    p.frames.length = 0;
    p.recording = true;
    p.recorder += 1;
    const recorder = p.recorder;
    const origin = performance.timeOrigin;
    const loop = (ts: number): void => {
      // A stop and a new start within one frame would otherwise leave two loops recording each frame twice.
      if (!p.recording || p.recorder !== recorder) return;
      p.frames.push(origin + ts);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

export interface Recording {
  frames: number[];
  longTasks: LongTask[];
}

export function stopFrames(page: Page): Promise<Recording> {
  return page.evaluate(() => {
    const p = window.__bench!;
    p.recording = false;
    const out = { frames: p.frames.slice(), longTasks: p.longTasks.slice() };
    p.frames.length = 0;
    return out;
  });
}
