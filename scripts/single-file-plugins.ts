/**
 * `npm run build:single` (`vite build --mode single`): the whole inspector in ONE HTML file, so it
 * can be uploaded into a DRP endpoint's file area (`drpcli files upload inspector.html as
 * inspector/index.html`) and served by DRP itself from `/files/...` on the API's own origin.
 *
 * vite-plugin-singlefile inlines the bundle and the stylesheet; these plugins do the rest:
 * - the socket worker is inlined too (start-socket-worker-inline.ts, a `blob:` worker), since there
 *   is no file next to the page to start it from;
 * - the production CSP keeps holding: inline code is allowed by its sha256 only (no
 *   'unsafe-inline'), the blob worker by `worker-src blob:`;
 * - the favicon becomes a data: URL and the public folder is not copied, so one file is all there is.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin, PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

export const SINGLE_FILE_MODE = 'single';
export const SINGLE_FILE_OUT_DIR = 'dist-single';
export const SINGLE_FILE_NAME = 'inspector.html';

const root = fileURLToPath(new URL('..', import.meta.url));
const FAVICON_PATH = `${root}public/favicon.svg`;

/** Every inline `<script>` (no src) and `<style>` body: what the CSP hashes must cover. */
function inlineBodies(html: string, tag: 'script' | 'style'): string[] {
  const pattern = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.matchAll(pattern)].filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes)).map(([, , body]) => body);
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy with script-src and style-src narrowed to the hashes of the inline code, and worker-src
 * for the blob worker. 'self' goes from both: on a DRP endpoint it would admit any script anyone
 * uploaded to `/files/`. Other directives (connect-src for the endpoint, ...) stay as they are.
 */
export function singleFilePolicy(policy: string, html: string): string {
  const scriptHashes = inlineBodies(html, 'script').map(sha256Source);
  const styleHashes = inlineBodies(html, 'style').map(sha256Source);
  if (scriptHashes.length === 0) throw new Error('the single file has no inline script to hash');
  const replaced: Record<string, string> = {
    'script-src': ['script-src', ...scriptHashes].join(' '),
    'style-src': ['style-src', ...(styleHashes.length > 0 ? styleHashes : ["'none'"])].join(' '),
  };
  const directives = policy.split(';').map((directive) => directive.trim());
  const names = directives.map((directive) => directive.split(/\s+/)[0]);
  for (const name of Object.keys(replaced)) {
    if (!names.includes(name)) throw new Error(`the production CSP has no ${name} to narrow`);
  }
  const narrowed = directives.map((directive, index) => replaced[names[index]] ?? directive);
  return [...narrowed, 'worker-src blob:'].join('; ');
}

/**
 * The CSP meta goes in here rather than in vite.config.ts's transformIndexHtml: its hashes cover the
 * inlined code, which exists only now, and vite-plugin-singlefile would warn about a policy without
 * them. Same placement and companion meta as the normal build: right after <meta charset>.
 */
function insertCspMeta(html: string, policy: string): string {
  const charset = '<meta charset="UTF-8" />';
  if (!html.includes(charset)) throw new Error(`index.html lost its ${charset}; the CSP is inserted after it`);
  const content = singleFilePolicy(policy, html);
  return html.replace(
    charset,
    `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${content}" />\n    <meta name="referrer" content="no-referrer" />`,
  );
}

function inlineFavicon(html: string): string {
  const link = /<link rel="icon" type="image\/svg\+xml" href="[^"]*"/;
  if (!link.test(html)) throw new Error('index.html lost its favicon link');
  const dataUrl = `data:image/svg+xml;base64,${readFileSync(FAVICON_PATH).toString('base64')}`;
  return html.replace(link, `<link rel="icon" type="image/svg+xml" href="${dataUrl}"`);
}

/** Puts start-socket-worker-inline.ts where drp-socket.ts imports start-socket-worker.ts. */
function inlineSocketWorker(): Plugin {
  let swapped = false;
  return {
    name: 'drp-inspector-inline-socket-worker',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // The import worker (start-capture-import.ts) is inlined the same way.
      if (source === './start-import-worker' && importer?.replaceAll('\\', '/').endsWith('/src/connection/start-capture-import.ts')) {
        return this.resolve('./start-import-worker-inline', importer, { ...options, skipSelf: true });
      }
      if (source !== './start-socket-worker' || !importer?.replaceAll('\\', '/').endsWith('/src/connection/drp-socket.ts')) return null;
      swapped = true;
      return this.resolve('./start-socket-worker-inline', importer, { ...options, skipSelf: true });
    },
    generateBundle(_options, bundle) {
      // Without the swap the page would look for a worker file that is not there and quietly fall
      // back to reading the socket on the main thread (drp-socket.ts): fail the build instead.
      if (!swapped) this.error('drp-socket.ts no longer imports ./start-socket-worker; the socket worker was not inlined');
      const stray = Object.keys(bundle).filter((name) => name.includes('socket-worker'));
      if (stray.length > 0) this.error(`the socket worker was emitted as a file: ${stray.join(', ')}`);
    },
  };
}

/** Runs after vite-plugin-singlefile's inlining (same hook order, later in the plugin list). */
function finishSingleFile(policy: string): Plugin {
  return {
    name: 'drp-inspector-single-file',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const names = Object.keys(bundle);
        const page = bundle['index.html'];
        if (page?.type !== 'asset' || names.length !== 1) {
          this.error(`the single-file build should leave only index.html, not: ${names.join(', ')}`);
        }
        // The HTML parser turns CR LF and lone CR into LF before a script's text is hashed (HTML
        // standard, "Preprocessing the input stream"); hash what the browser will see.
        const html = String(page.source).replace(/\r\n?/g, '\n');
        delete bundle['index.html'];
        this.emitFile({ type: 'asset', fileName: SINGLE_FILE_NAME, source: insertCspMeta(inlineFavicon(html), policy) });
      },
    },
  };
}

/** `policy`: the production CSP (vite.config.ts), narrowed here to the single file's inline code. */
export function singleFilePlugins(policy: string): PluginOption[] {
  return [inlineSocketWorker(), viteSingleFile({ removeViteModuleLoader: true }), finishSingleFile(policy)];
}
