/**
 * One headless Chromium for the whole run, launched with the flags every e2e test uses
 * (scripts/chromium.ts), and a fresh context per client so app and bare page never share a renderer.
 */
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { addProbeScripts } from './page-probes';

export async function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true });
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
}

/** A 1280×900 viewport: a laptop-sized timeline (about 25 visible rows) for frame and scroll figures. */
export async function newBenchPage(browser: Browser): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await addProbeScripts(context);
  const page = await context.newPage();
  return { context, page };
}
