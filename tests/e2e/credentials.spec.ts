import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD } from './support/inspector-page';

// Credentials (docs/reference/drp-protocol.md §1.2, §7.12): the token lives in memory unless the user
// ticks "Remember token"; it never reaches the page URL, storage, cookies, exports or the console,
// and the UI shows only a masked form.

/** Everything the page could have persisted or exposed, as one string to search. */
async function pageTraces(page: Page): Promise<string> {
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
  );
  const cookies = JSON.stringify(await page.context().cookies());
  return [storage, cookies, page.url(), await page.evaluate(() => window.location.href)].join('\n');
}

function tokenOf(socketUrl: string): string {
  const token = new URL(socketUrl).searchParams.get('token');
  if (!token) throw new Error(`no token in ${socketUrl}`);
  return token;
}

test.describe('credentials', () => {
  test('a granted token stays in memory: not in storage, cookies, the URL, the DOM or the console', async ({ inspector, page }) => {
    const socketUrls: string[] = [];
    const consoleLines: string[] = [];
    page.on('websocket', (socket) => socketUrls.push(socket.url()));
    page.on('console', (message) => consoleLines.push(message.text()));
    await inspector.openConnected();
    await inspector.register('machines.*.*');
    expect(socketUrls).toHaveLength(1);
    const token = tokenOf(socketUrls[0] as string);
    expect(token.length).toBeGreaterThan(8);

    const traces = await pageTraces(page);
    expect(traces).not.toContain(token);
    expect(traces).not.toContain(DEMO_PASSWORD);
    // Only what is not secret is remembered (endpoint, username, subscription lists, layout); the
    // traces above hold neither token nor password.
    const stored = await page.evaluate(() => ({ keys: Object.keys(localStorage), session: sessionStorage.length }));
    expect(stored.session).toBe(0);
    expect(stored.keys).toContain('drp-inspector.connection');
    expect(stored.keys).not.toContain('drp-inspector.token');
    expect(await page.context().cookies()).toEqual([]);
    // The UI shows a masked form only.
    await expect(page.locator('body')).toContainText(`token ${token.slice(0, 4)}…`);
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toContain(token);
    expect(html).not.toContain(DEMO_PASSWORD);
    expect(consoleLines.join('\n')).not.toContain(token);
    expect(consoleLines.join('\n')).not.toContain(DEMO_PASSWORD);
  });

  test('a typed token is stored only with "Remember token", under the key the UI names', async ({ inspector, page }) => {
    const token = await inspector.grantToken();
    await inspector.open();
    await inspector.connectWithToken(token);
    await inspector.expectOpen();
    expect(await pageTraces(page)).not.toContain(token);
    await inspector.disconnect();

    const remember = page.getByRole('checkbox', { name: 'Remember token', exact: true });
    await remember.check();
    await expect(page.getByTestId('remember-token-location')).toHaveText(
      'stored in this browser’s localStorage under “drp-inspector.token”',
    );
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await inspector.expectOpen();
    expect(await page.evaluate(() => localStorage.getItem('drp-inspector.token'))).toBe(token);
    expect(page.url()).not.toContain(token);

    await remember.uncheck();
    expect(await page.evaluate(() => localStorage.getItem('drp-inspector.token'))).toBeNull();
    expect(await pageTraces(page)).not.toContain(token);
  });

  test('Export writes the shown events as JSON Lines with secrets masked by default', async ({ inspector, page, sim }) => {
    const socketUrls: string[] = [];
    page.on('websocket', (socket) => socketUrls.push(socket.url()));
    await inspector.openConnected();
    const token = tokenOf(socketUrls[0] ?? '');
    await inspector.register('machines.*.*');
    const { sent } = (await sim.control({ action: 'burst', rate: 500, seconds: 0.1 })) as { sent: number };
    await inspector.expectReceived(sent);
    // The machines' own Secret values, as the simulator holds them.
    const secrets = await machineSecrets(sim.httpUrl);
    expect(secrets.length).toBeGreaterThan(0);

    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    const maskBox = page.getByRole('checkbox', { name: 'Mask secrets in export', exact: true });
    await expect(maskBox).toBeChecked();
    const [masked] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(masked.suggestedFilename()).toMatch(/^drp-events-.*\.jsonl$/);
    const maskedText = await readFile(await masked.path(), 'utf8');
    const lines = maskedText.trimEnd().split('\n');
    expect(lines).toHaveLength(sent);
    const events = lines.map((line) => JSON.parse(line) as { Type: string; Object: { Secret?: string } });
    expect(events.every((event) => event.Type === 'machines')).toBe(true);
    expect(events.every((event) => event.Object.Secret === '••••••••')).toBe(true);
    for (const secret of secrets) expect(maskedText).not.toContain(secret);
    expect(maskedText).not.toContain(token);
    await expect(page.getByTestId('export-status')).toHaveText(`exported ${sent} events, secrets masked`);

    // Unticked, the frames go out as received: the check above can fail.
    await maskBox.uncheck();
    const [raw] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const rawText = await readFile(await raw.path(), 'utf8');
    expect(secrets.some((secret) => rawText.includes(secret))).toBe(true);
  });
});

/** `Secret` of every machine, read over the simulator's REST API as a superuser would. */
async function machineSecrets(httpUrl: string): Promise<string[]> {
  const response = await fetch(`${httpUrl}/api/v3/machines`, {
    headers: { Authorization: `Basic ${Buffer.from(`rocketskates:${DEMO_PASSWORD}`).toString('base64')}` },
  });
  const machines = (await response.json()) as { Secret?: string }[];
  return machines.map((machine) => machine.Secret ?? '').filter((secret) => secret !== '');
}
