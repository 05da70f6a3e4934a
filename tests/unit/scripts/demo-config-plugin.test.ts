import { describe, expect, it } from 'vitest';
import { demoAdvertised, DEMO_META_NAME } from '../../../src/connection/rest-client';
import { injectDemoMeta } from '../../../scripts/demo-config-plugin';

describe('the demo marker', () => {
  it('npm start marks its page, and the app asks for demo.json only on a marked page', () => {
    const html = injectDemoMeta('<html><head><meta charset="UTF-8" />\n  </head><body></body></html>');
    expect(html).toContain(`<meta name="${DEMO_META_NAME}"`);
    const marked = { querySelector: (selector: string) => (html.includes(selector.slice(5, -1)) ? ({} as Element) : null) };
    expect(demoAdvertised(marked)).toBe(true);
    expect(demoAdvertised({ querySelector: () => null })).toBe(false);
    // Node has no document: no demo.
    expect(demoAdvertised(undefined)).toBe(false);
  });

  it('refuses a page without </head> instead of serving it unmarked', () => {
    expect(() => injectDemoMeta('<html><body></body></html>')).toThrow(/<\/head>/);
  });
});
