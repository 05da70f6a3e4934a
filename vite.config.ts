import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { SINGLE_FILE_MODE, SINGLE_FILE_OUT_DIR, singleFilePlugins } from './scripts/single-file-plugins.js';

/**
 * The built page's Content-Security-Policy. Event content is untrusted (hostile Type/Key/values are
 * rendered as text, never HTML); the CSP is the second line: even injected markup could not run
 * inline script or load code from elsewhere.
 *
 * - script-src/style-src 'self': only the bundled files (the socket worker too: worker-src falls back
 *   to script-src). React's `style` props (the timeline's row offsets) are set through the CSSOM,
 *   which style-src does not restrict.
 * - connect-src: the DRP endpoint is whatever the user types, on any host, over http(s) for REST and
 *   ws(s) for the socket; 'self' for the demo's `./demo.json`. Scheme sources rather than `*`, whose
 *   coverage of ws:/wss: differs between CSP levels.
 * - frame-ancestors cannot be set from a meta tag; a server that hosts the build should send it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' http: https: ws: wss:",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Production build only: the dev server injects inline scripts (React refresh preamble, Vite client)
 * that this policy would block, so `npm run dev` runs without it.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'drp-inspector-csp',
    apply: 'build',
    // Right after <meta charset> (which must stay first) and before every script and stylesheet: a
    // meta CSP governs only what follows it.
    transformIndexHtml: (html) => {
      const charset = '<meta charset="UTF-8" />';
      if (!html.includes(charset)) throw new Error(`index.html lost its ${charset}; the CSP is inserted after it`);
      // The page URL may carry ?endpoint=; nothing of it needs to reach other origins.
      return html.replace(
        charset,
        `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />\n    <meta name="referrer" content="no-referrer" />`,
      );
    },
  };
}

export default defineConfig(({ mode }) => {
  // `npm run build:single` (`--mode single`): one self-contained HTML file to upload into DRP's file
  // area; its CSP is this one narrowed to hashes (scripts/single-file-plugins.ts).
  const singleFile = mode === SINGLE_FILE_MODE;
  return {
    // Relative asset URLs: `dist/` works from any path on a static host, not only at a web root. The
    // socket worker's `new URL(..., import.meta.url)` and the demo's `./demo.json` are relative already.
    base: './',
    plugins: singleFile ? [react(), ...singleFilePlugins(CONTENT_SECURITY_POLICY)] : [react(), contentSecurityPolicy()],
    publicDir: singleFile ? false : 'public',
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    build: singleFile ? { outDir: SINGLE_FILE_OUT_DIR, sourcemap: false } : { sourcemap: true },
  };
});
