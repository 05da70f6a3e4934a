import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD, DEMO_USER } from './support/inspector-page';

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** A plain static host with the build under `prefix` and nothing anywhere else (no SPA fallback, no demo.json). */
async function staticHost(prefix: string): Promise<{ url: string; requested: string[]; close(): Promise<void> }> {
  const dist = process.env.INSPECTOR_DIST ?? 'dist';
  const requested: string[] = [];
  const server = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    requested.push(path);
    const file = path.startsWith(prefix) ? join(dist, path.slice(prefix.length) || 'index.html') : '';
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end('not here');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requested,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on: bind an ephemeral port, then release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.describe('connection panel', () => {
  test('username and password: a granted token opens the socket, never the password', async ({ inspector, page }) => {
    const socketUrls: string[] = [];
    page.on('websocket', (socket) => socketUrls.push(socket.url()));
    await inspector.open();

    await inspector.connectWithPassword();

    await inspector.expectOpen();
    await expect(inspector.serverVersion()).toHaveText('v4.14.0-sim');
    await expect(inspector.connectionError()).toHaveCount(0);
    // docs/reference/drp-protocol.md §1.4: the password is exchanged for a token over REST, so it never reaches the socket URL.
    expect(socketUrls).toHaveLength(1);
    expect(socketUrls[0]).toContain('/api/v3/ws?token=');
    expect(socketUrls[0]).not.toContain(DEMO_PASSWORD);
    expect(socketUrls[0]).not.toContain(`${DEMO_USER}%3A`);
  });

  test('a token granted over REST connects, and the page never shows it in full', async ({ inspector, page }) => {
    const token = await inspector.grantToken();
    await inspector.open();

    await inspector.connectWithToken(token);

    await inspector.expectOpen();
    await expect(inspector.serverVersion()).toHaveText('v4.14.0-sim');
    await expect(page.locator('body')).toContainText(`token ${token.slice(0, 4)}…`);
    await expect(page.locator('body')).not.toContainText(token);
  });

  test('a wrong password says so and opens no socket', async ({ inspector, page }) => {
    const socketUrls: string[] = [];
    page.on('websocket', (socket) => socketUrls.push(socket.url()));
    await inspector.open();

    await inspector.connectWithPassword(DEMO_USER, 'not-the-password');

    await expect(inspector.connectionError()).toHaveText('wrong credentials');
    await expect(inspector.connectionStatus()).toHaveText('error');
    await expect(inspector.serverVersion()).toHaveCount(0);
    // The REST check failed first, so the app must not have tried the socket (which would only say 1006).
    expect(socketUrls).toEqual([]);
  });

  test('an unreachable endpoint says so', async ({ inspector, page }) => {
    const socketUrls: string[] = [];
    page.on('websocket', (socket) => socketUrls.push(socket.url()));
    const port = await closedPort();
    await inspector.open(`http://127.0.0.1:${port}`);

    await inspector.connectWithPassword();

    await expect(inspector.connectionError()).toContainText('unreachable');
    await expect(inspector.connectionError()).not.toContainText('credentials');
    await expect(inspector.connectionStatus()).toHaveText('error');
    expect(socketUrls).toEqual([]);
  });

  test('Disconnect closes the socket and shows the close code', async ({ inspector, sim }) => {
    await inspector.openConnected();
    const spec = 'machines.*.conn-disconnect';
    await inspector.register(spec);
    expect(inspector.simRegistrationsWith(spec)).toEqual([spec]);

    await inspector.disconnect();

    await expect(inspector.connectionStatus()).toHaveText('closed');
    await expect(inspector.page.getByTestId('close-details')).toContainText('code 1000');
    await expect.poll(() => sim.stats().connections.some((c) => c.registrations.includes(spec))).toBe(false);
  });

  test('Connect is disabled while connected, so a click cannot silently reconnect and reset the counters', async ({ inspector, page }) => {
    await inspector.openConnected();
    const connect = page.getByRole('button', { name: 'Connect', exact: true });
    await expect(connect).toBeDisabled();
    await expect(page.getByTestId('connect-hint')).toHaveText('connected: Disconnect to change endpoint or credentials');
    await inspector.disconnect();
    await expect(inspector.connectionStatus()).toHaveText('closed');
    await expect(connect).toBeEnabled();
  });

  test('the build works from a sub-path of a static host, and asks for no demo.json there', async ({ inspector, page }) => {
    const host = await staticHost('/inspector/');
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    try {
      await page.goto(`${host.url}/inspector/?endpoint=${encodeURIComponent(inspector.sim.httpUrl)}`);
      await inspector.connectWithPassword();
      await inspector.expectOpen();
      await inspector.register('machines.*.*');
      expect(host.requested.filter((path) => !path.startsWith('/inspector/'))).toEqual([]);
      expect(host.requested).not.toContain('/inspector/demo.json');
      expect(consoleErrors).toEqual([]);
    } finally {
      await host.close();
    }
  });
});
