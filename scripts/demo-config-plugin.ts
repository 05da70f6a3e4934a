/**
 * The demo wiring of `npm start` / `npm run dev`: `/demo.json` with the simulator's endpoint and
 * the demo login, and a `<meta name="drp-inspector-demo">` in the page that tells the app to ask
 * for it. Without the meta (any other host of `dist/`) the app never requests `/demo.json`, so a
 * static host's 404 is not logged in the console as an error.
 *
 * The credentials reach the page through `/demo.json` on the app's own origin, never through the
 * page URL: tokens and passwords must not appear in URLs (docs/reference/drp-protocol.md §1.2).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export const DEMO_USER = 'rocketskates';
export const DEMO_PASSWORD = 'r0cketsk8ts';

/** Same name as DEMO_META_NAME in src/connection/rest-client.ts (scripts do not import the app). */
const DEMO_META = '<meta name="drp-inspector-demo" content="demo.json" />';

export function injectDemoMeta(html: string): string {
  if (!html.includes('</head>')) throw new Error('index.html has no </head>; the demo meta goes before it');
  return html.replace('</head>', `  ${DEMO_META}\n  </head>`);
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export function demoConfigPlugin(endpoint: string): Plugin {
  let outDir = 'dist';
  const serveDemoConfig: Middleware = (req, res, next) => {
    if (req.url?.split('?')[0] !== '/demo.json') return next();
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify({ endpoint, username: DEMO_USER, password: DEMO_PASSWORD, subscriptions: ['*.*.*'] }));
  };
  // The preview server sends the built index.html as it is (transformIndexHtml runs in dev only).
  const serveMarkedIndex: Middleware = (req, res, next) => {
    const path = req.url?.split('?')[0];
    if (path !== '/' && path !== '/index.html') return next();
    readFile(`${outDir}/index.html`, 'utf8').then(
      (html) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(injectDemoMeta(html));
      },
      () => next(),
    );
  };
  return {
    name: 'drp-inspector-demo-config',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: (html) => injectDemoMeta(html),
    configureServer: (server) => void server.middlewares.use(serveDemoConfig),
    configurePreviewServer: (server) => {
      server.middlewares.use(serveDemoConfig);
      server.middlewares.use(serveMarkedIndex);
    },
  };
}
