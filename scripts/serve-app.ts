import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

export interface AppServerOptions {
  /** Serve the build under this path (`/some/sub/path/`) instead of the root; `url` then ends with it. */
  base?: string;
}

/**
 * Serves the production build in-process (docs/toolchain.md: `npx vite preview &` orphans the real
 * server). Port 0 lets the OS pick a free loopback port, so parallel workers never collide.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  // INSPECTOR_DIST serves another build (e.g. `npx vite build --outDir /tmp/my-dist`), so two people
  // working in one checkout can each run e2e tests against their own build.
  const outDir = process.env.INSPECTOR_DIST ?? `${root}/dist`;
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`${outDir} has no build: run \`npm run build\` first (npm test does it for you).`);
  }
  const server: PreviewServer = await preview({
    root,
    ...(options.base === undefined ? {} : { base: options.base }),
    build: { outDir },
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return {
    url,
    close: () => server.close(),
  };
}
