import type { Page, WebSocketRoute } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** True for a server frame that acks `spec` (docs/reference/drp-protocol.md §2.3: Type "websocket", Key = spec). */
function isAckFor(message: string | Buffer, spec: string): boolean {
  if (typeof message !== 'string') return false;
  try {
    const frame = JSON.parse(message) as { Type?: unknown; Key?: unknown };
    return frame.Type === 'websocket' && frame.Key === spec;
  } catch {
    return false;
  }
}

/**
 * Puts Playwright between the page and the real simulator (no fake server: every frame goes to and
 * comes from the simulator) and holds back the acks for the given specs until `release` is called,
 * so the pending state can be observed without racing the server.
 *
 * `routeWebSocket` only sees sockets the page itself opens, never a worker's (microsoft/playwright
 * #37048), so these pages run without `Worker`: the app then keeps the socket on the main thread
 * (connection/drp-socket.ts), which this way is covered in a real browser too.
 */
async function holdAcks(page: Page, heldSpecs: string[]) {
  const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
  const releasedSpecs = new Set<string>();
  await page.addInitScript(() => {
    Reflect.deleteProperty(globalThis, 'Worker');
  });
  await page.routeWebSocket(/\/api\/v3\/ws/, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      const gated = heldSpecs.some((spec) => !releasedSpecs.has(spec) && isAckFor(message, spec));
      if (gated) held.push({ route, message });
      else route.send(message);
    });
  });
  return {
    heldCount: () => held.length,
    release(spec: string) {
      releasedSpecs.add(spec);
      for (const item of held.filter((entry) => isAckFor(entry.message, spec))) item.route.send(item.message);
    },
  };
}

test.describe('subscriptions', () => {
  test('register shows pending until the ack, then active; the simulator holds the spec', async ({ inspector, page, sim }) => {
    const spec = 'machines.*.sub-ack-1';
    const gate = await holdAcks(page, [spec]);
    await inspector.openConnected();

    await inspector.submitSubscription(spec);

    await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'pending');
    // The server registered it (its ack is what we are holding back).
    await expect.poll(() => inspector.simRegistrationsWith(spec)).toEqual([spec]);
    await expect.poll(() => gate.heldCount()).toBe(1);
    await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'pending');

    gate.release(spec);

    await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'active');
    // Events matching it are now counted on its row.
    sim.publish({ Type: 'machines', Action: 'update', Key: 'sub-ack-1' });
    await expect(inspector.subscription(spec).getByTestId('subscription-count')).toHaveText('1');
    await inspector.expectReceived(1);
  });

  test('a register whose ack never comes is marked failed', async ({ inspector, page }) => {
    const spec = 'machines.*.sub-noack-1';
    await holdAcks(page, [spec]);
    await inspector.openConnected();

    await inspector.submitSubscription(spec);

    await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'pending');
    // ACK_TIMEOUT_MS is 5 s (docs/reference/drp-protocol.md §2.3); allow for it.
    await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'failed', { timeout: 10_000 });
    await expect(page.getByRole('button', { name: `Retry ${spec}`, exact: true })).toBeVisible();
  });

  test('an invalid spec is refused locally and never sent', async ({ inspector, page }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.sub-valid-1');

    await inspector.submitSubscription('machines.create');

    await expect(page.getByTestId('subscription-error')).not.toBeEmpty();
    await expect(inspector.subscription('machines.create')).toHaveCount(0);
    expect(inspector.simRegistrationsWith('machines.*.sub-valid-1')).toEqual(['machines.*.sub-valid-1']);
  });

  test('deregister removes the spec on the server and its events stop arriving', async ({ inspector, sim }) => {
    const dropped = 'machines.*.sub-dereg-a';
    const kept = 'machines.*.sub-dereg-b';
    await inspector.openConnected();
    await inspector.register(dropped);
    await inspector.register(kept);
    expect(inspector.simRegistrationsWith(kept)).toEqual([dropped, kept]);
    sim.publish({ Type: 'machines', Action: 'update', Key: 'sub-dereg-a' });
    sim.publish({ Type: 'machines', Action: 'update', Key: 'sub-dereg-b' });
    await inspector.expectReceived(2);

    await inspector.deregister(dropped);

    await expect(inspector.subscription(dropped)).toHaveCount(0);
    await expect(inspector.subscription(kept)).toHaveAttribute('data-status', 'active');
    expect(inspector.simRegistrationsWith(kept)).toEqual([kept]);
    // Frames on one socket arrive in order: once the later `kept` event is counted, the earlier
    // `dropped` one would have been too, had the server still sent it.
    sim.publish({ Type: 'machines', Action: 'update', Key: 'sub-dereg-a' });
    sim.publish({ Type: 'machines', Action: 'update', Key: 'sub-dereg-b' });
    await inspector.expectReceived(3);
    await expect(inspector.row({ key: 'sub-dereg-a' })).toHaveCount(1);
    await expect(inspector.row({ key: 'sub-dereg-b' })).toHaveCount(2);
    await expect(inspector.subscription(kept).getByTestId('subscription-count')).toHaveText('2');
  });

  test('a spec registered before connecting reads "not connected", and goes out on connect', async ({ inspector, page }) => {
    const spec = 'machines.*.sub-early-1';
    await inspector.open();
    await inspector.submitSubscription(spec);
    await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'unsent');
    await expect(inspector.subscription(spec)).toContainText('not connected');
    expect(inspector.simRegistrationsWith(spec)).toBeUndefined();
    await inspector.connectWithPassword();
    await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'active');
    expect(inspector.simRegistrationsWith(spec)).toEqual([spec]);
    await expect(page.getByTestId('subscription-error')).toBeEmpty();
  });

  test('a duplicate register and an Object history covered by *.*.* say so and send nothing', async ({ inspector, page }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.sub-dup-1');
    await inspector.submitSubscription('machines.*.sub-dup-1');
    await expect(page.getByTestId('subscription-notice')).toHaveText('machines.*.sub-dup-1 is already registered: not sent again');

    await page.getByRole('button', { name: 'Everything', exact: true }).click();
    await expect(inspector.subscription('*.*.*')).toHaveAttribute('data-status', 'active');
    await page.getByLabel('Type', { exact: true }).fill('machines');
    await page.getByLabel('Key', { exact: true }).fill('sub-dup-2');
    await page.getByRole('button', { name: 'Object history', exact: true }).click();
    await expect(page.getByTestId('subscription-notice')).toHaveText(
      'machines.*.sub-dup-2 is already covered by *.*.*: not registered again; its History opens when an event of it arrives',
    );
    await expect(inspector.subscription('machines.*.sub-dup-2')).toHaveCount(0);
    expect(inspector.simRegistrationsWith('machines.*.sub-dup-1')).toEqual(['machines.*.sub-dup-1', '*.*.*']);
  });
});
