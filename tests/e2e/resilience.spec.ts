import type { Page } from '@playwright/test';
import { startSimulator } from '../../simulator/simulator';
import type { Simulator } from '../../simulator/simulator';
import { expect, test } from './support/fixtures';
import { InspectorPage } from './support/inspector-page';

// Reconnect (docs/reference/drp-protocol.md §7.3) against real faults: the simulator drops every socket
// without a close frame (the browser sees 1006), and is stopped and started again on the same port.
// Tests that restart a simulator start their own on port 0 and reuse that port; the worker's shared
// simulator is left alone.

async function ownSimulator(port = 0): Promise<Simulator> {
  return startSimulator({ host: '127.0.0.1', port, rate: 0, seed: 1 });
}

function countSockets(page: Page): { opened: number } {
  const count = { opened: 0 };
  page.on('websocket', () => {
    count.opened += 1;
  });
  return count;
}

const statusBarConnection = (page: Page) => page.getByTestId('status-connection');
const countdown = (page: Page) => page.getByTestId('reconnect-countdown');
const gaps = (page: Page) => page.getByTestId('timeline-gap');

test.describe('reconnect', () => {
  test('sockets dropped mid-stream and the simulator restarted: reconnects, re-registers, marks the gap, loses nothing after the re-ack', async ({
    page,
    app,
  }) => {
    test.setTimeout(90_000);
    let sim = await ownSimulator();
    const port = sim.port;
    try {
      const inspector = new InspectorPage(page, app, sim);
      await inspector.openConnected();
      const spec = 'machines.*.*';
      await inspector.register(spec);

      // Mid-stream: an open-ended workload is running when every socket is cut (closing this
      // simulator stops it; the restarted one has none).
      await sim.control({ action: 'workload', rate: 400 });
      await expect.poll(() => inspector.receivedCount(), { timeout: 20_000 }).toBeGreaterThan(50);
      await sim.control({ action: 'drop-sockets' });
      // Stopped right away: the first attempt comes 100 ms later at the earliest (reconnect-policy.ts),
      // plus its /api/v3/info preflight; the listener closes synchronously in close().
      await sim.close();
      await expect(statusBarConnection(page)).toHaveText('reconnecting');
      await expect(countdown(page)).toHaveText(/^(reconnecting in \d+ s|reconnecting \(attempt 1\)…)$/);

      // At least one attempt fails against the stopped server before it comes back (the first comes
      // after 100–300 ms, so a loaded machine may first see a later one).
      await expect(countdown(page)).toHaveAttribute('data-attempt', /^([2-9]|\d\d+)$/, { timeout: 15_000 });
      await expect(inspector.connectionError()).toContainText(/reconnect attempt \d+ failed: unreachable/);
      const beforeGap = await inspector.receivedCount();
      sim = await ownSimulator(port);

      // Backoff grows at most 3× per failure up to 30 s (reconnect-policy.ts); then the register goes out again.
      await expect(inspector.subscription(spec)).toHaveAttribute('data-status', 'active', { timeout: 40_000 });
      expect(sim.stats().connections.map((connection) => connection.registrations)).toEqual([[spec]]);
      await expect(statusBarConnection(page)).toHaveText('open');
      await expect(page.getByTestId('reconnect-count')).toHaveText('1');

      // One gap, after the last event received before the drop, with both ends and a duration.
      await expect(gaps(page)).toHaveCount(1);
      const gap = gaps(page);
      await expect(gap).toHaveAttribute('data-after-seq', String(beforeGap));
      await expect(gap).toHaveAttribute('data-index', String(beforeGap));
      await expect(gap).toContainText(/connection lost from \d\d:\d\d:\d\d\.\d{3} to \d\d:\d\d:\d\d\.\d{3} \(\d+(\.\d)? s\)/);
      const from = Number(await gap.getAttribute('data-from'));
      const to = Number(await gap.getAttribute('data-to'));
      expect(to).toBeGreaterThan(from);

      // Everything published after the re-ack arrives. Chunks of 100, each awaited, stay under the
      // server's 256-message socket buffer however slowly a loaded machine reads, so a drop here
      // would be the app's loss, never the simulator's (docs/reference/drp-protocol.md §7.4).
      const sent = 300;
      const chunk = 100;
      for (let published = 0; published < sent; published += chunk) {
        const result = (await sim.control({ action: 'burst', rate: 600, seconds: chunk / 600, objectBytes: 1000 })) as { sent: number };
        expect(result.sent).toBe(chunk);
        await inspector.expectReceived(beforeGap + published + chunk);
      }
      await inspector.expectTimelineCount(beforeGap + sent, beforeGap + sent);
      expect(sim.stats().connections[0]?.dropped).toBe(0);

      // The gap row stays whatever the filter hides.
      await inspector.filterText().fill('no-event-contains-this');
      await inspector.expectTimelineCount(0, beforeGap + sent);
      await expect(gaps(page)).toHaveCount(1);
    } finally {
      await sim.close();
    }
  });

  test('"Reconnect now" skips the wait', async ({ page, app }) => {
    let sim = await ownSimulator();
    const port = sim.port;
    try {
      const inspector = new InspectorPage(page, app, sim);
      await inspector.openConnected();
      await inspector.register('profiles.*.*');
      await sim.close();
      await expect(countdown(page)).toHaveAttribute('data-attempt', /^([2-9]|\d\d+)$/, { timeout: 15_000 });
      sim = await ownSimulator(port);
      await page.getByRole('button', { name: 'Reconnect now', exact: true }).click();
      await expect(statusBarConnection(page)).toHaveText('open');
      await expect(inspector.subscription('profiles.*.*')).toHaveAttribute('data-status', 'active');
      await expect(page.getByTestId('reconnect-count')).toHaveText('1');
    } finally {
      await sim.close();
    }
  });

  test("the user's Disconnect never reconnects", async ({ inspector, page, sim }) => {
    const sockets = countSockets(page);
    await inspector.openConnected();
    const spec = 'machines.*.resilience-disconnect';
    await inspector.register(spec);
    expect(sockets.opened).toBe(1);

    // The page's clock is faked from here, so the test can run past every backoff delay at once
    // instead of sleeping for it (time still flows normally until fast-forwarded).
    await page.clock.install();
    await inspector.disconnect();
    await expect(inspector.connectionStatus()).toHaveText('closed');
    await expect(countdown(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reconnect now' })).toHaveCount(0);
    // Past the backoff cap (30 s, reconnect-policy.ts): any scheduled attempt has fired by now, and
    // an attempt moves the status off "closed" at once (to "checking").
    await page.clock.fastForward('01:00');
    await expect(inspector.connectionStatus()).toHaveText('closed');
    expect(sockets.opened).toBe(1);
    expect(sim.stats().connections.some((connection) => connection.registrations.includes(spec))).toBe(false);
    await expect(inspector.connectionStatus()).toHaveText('closed');
    await expect(page.getByTestId('reconnect-count')).toHaveText('0');
    // The interval is still marked: the user knows events after this point are missing.
    await expect(gaps(page)).toContainText('disconnected since');
  });
});
