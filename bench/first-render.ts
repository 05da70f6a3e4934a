/**
 * Time to first render of the production build: navigation start → first contentful paint, and →
 * the frame after the connection panel and the timeline are in the DOM. Each sample is a fresh
 * browser context, so the HTTP cache is cold every time.
 */
import type { Browser } from '@playwright/test';
import { newBenchPage } from './bench-browser';
import { median, maxOf } from './stats';

export interface FirstRenderResult {
  samples: number;
  fcpMedianMs: number;
  panelsMedianMs: number;
  panelsMaxMs: number;
  domContentLoadedMedianMs: number;
}

const PANELS = '[data-testid="connection-status"]';
const TIMELINE = 'section[aria-label="Timeline"]';

function markPanels(selectors: string[]): void {
  const state = { panelsAt: 0 };
  (window as unknown as { __firstRender: typeof state }).__firstRender = state;
  const check = (): boolean => selectors.every((s) => document.querySelector(s) !== null);
  const observer = new MutationObserver(() => {
    if (!check()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (state.panelsAt = performance.now()), 0));
  });
  observer.observe(document, { subtree: true, childList: true });
}

export async function measureFirstRender(browser: Browser, appUrl: string, samples: number): Promise<FirstRenderResult> {
  const fcp: number[] = [];
  const panels: number[] = [];
  const dcl: number[] = [];
  for (let i = 0; i < samples; i++) {
    const { context, page } = await newBenchPage(browser);
    try {
      await context.addInitScript(markPanels, [PANELS, TIMELINE]);
      await page.goto(appUrl);
      await page.waitForFunction(
        () => (window as unknown as { __firstRender: { panelsAt: number } }).__firstRender.panelsAt > 0,
        undefined,
        { timeout: 15_000 },
      );
      const timing = await page.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          fcp: paint ? paint.startTime : Number.NaN,
          panels: (window as unknown as { __firstRender: { panelsAt: number } }).__firstRender.panelsAt,
          dcl: nav ? nav.domContentLoadedEventEnd : Number.NaN,
        };
      });
      fcp.push(timing.fcp);
      panels.push(timing.panels);
      dcl.push(timing.dcl);
    } finally {
      await context.close();
    }
  }
  return {
    samples,
    fcpMedianMs: median(fcp),
    panelsMedianMs: median(panels),
    panelsMaxMs: maxOf(panels),
    domContentLoadedMedianMs: median(dcl),
  };
}
