import type { Simulator } from '../../simulator/simulator';
import { watchCsp } from './support/csp-watch';
import { expect, test } from './support/fixtures';
import { basicAuth, InspectorPage } from './support/inspector-page';
import { buildSingleFile } from './support/single-file-build';

// The deployment the README describes under "Deploy into DRP": `npm run build:single`, then
// `drpcli files upload inspector.html as inspector/index.html`, then open
// `<endpoint>/files/inspector/index.html`. The simulator's file server stands in for DRP's
// (simulator/file-server.ts): same upload request, same unauthenticated `/files/` URL, same origin
// as the API.
const REMOTE_PATH = 'inspector/index.html';

let page: Buffer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  page = await buildSingleFile();
});

/** The request `drpcli files upload <local> as <remote>` makes: the raw bytes, octet-stream. */
async function uploadLikeDrpcli(sim: Simulator, bytes: Buffer): Promise<void> {
  const response = await fetch(`${sim.httpUrl}/api/v3/files/${REMOTE_PATH}`, {
    method: 'POST',
    headers: { Authorization: basicAuth(), 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  expect(await response.json()).toEqual({ Path: `/${REMOTE_PATH}`, Size: bytes.length });
}

test.describe('single-file build served by the endpoint itself', () => {
  test('is one file that, uploaded like drpcli does, opens from /files/, finds its endpoint and shows live events with no CSP violation', async ({
    page: browserPage,
    sim,
  }) => {
    await uploadLikeDrpcli(sim, page);
    const pageUrl = `${sim.httpUrl}/files/${REMOTE_PATH}`;
    const inspector = new InspectorPage(browserPage, { url: pageUrl, close: async () => undefined }, sim);
    const csp = await watchCsp(browserPage);
    // Anything fetched from the server besides the page and the API would mean the file is not
    // self-contained (the inlined worker's blob: and the favicon's data: URL are in the page).
    const fetched: string[] = [];
    browserPage.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'http:' && url.href !== pageUrl && !url.pathname.startsWith('/api/v3/')) fetched.push(url.href);
    });

    await browserPage.goto(pageUrl);
    const endpoint = browserPage.getByLabel('Endpoint', { exact: true });
    await expect(endpoint).toHaveValue(sim.httpUrl);
    await expect(browserPage.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      /script-src 'sha256-[^']+'(;| )/,
    );
    await expect(browserPage.locator('meta[http-equiv="Content-Security-Policy"]')).not.toHaveAttribute('content', /unsafe-inline/);

    // The endpoint came from the page; only the credentials are typed.
    await inspector.connectWithPassword();
    await inspector.expectOpen();
    await inspector.register('machines.*.single-file-1');
    sim.publish({ Type: 'machines', Action: 'update', Key: 'single-file-1', Object: { Name: 'single-file-1' } });
    await expect(inspector.row({ key: 'single-file-1' })).toHaveCount(1);

    // The socket runs in the inlined worker (a blob: URL), not in the main-thread fallback.
    expect(browserPage.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/^blob:/)]);
    expect(fetched).toEqual([]);
    expect(await csp.violations()).toEqual([]);
  });
});
