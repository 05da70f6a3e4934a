import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface CspWatch {
  /** Every violation so far: `securitypolicyviolation` events and the browser's "Refused to ..." console lines. */
  violations(): Promise<string[]>;
}

/**
 * Starts recording CSP violations before the page's first script runs (an init script), so a policy
 * that blocks the app's own inline code is caught too, not only what happens after load.
 */
export async function watchCsp(page: Page): Promise<CspWatch> {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleLines.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return {
    violations: async () => [...(await page.evaluate(() => window.__cspViolations ?? ['no recorder'])), ...consoleLines],
  };
}
