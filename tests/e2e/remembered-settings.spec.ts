import { expect, test } from './support/fixtures';
import { DEMO_PASSWORD, DEMO_USER } from './support/inspector-page';

test.describe('remembered settings', () => {
  test('a reload keeps endpoint, username and the subscription list, never the password, and offers the list back on connect', async ({
    inspector,
    page,
    app,
    sim,
  }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.*');
    await inspector.register('jobs.*.*');

    // No ?endpoint= this time: what the fields show comes from the last Connect.
    await page.goto(app.url);
    await expect(page.getByLabel('Endpoint', { exact: true })).toHaveValue(sim.httpUrl);
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue(DEMO_USER);
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(DEMO_PASSWORD);

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await inspector.expectOpen();
    await expect(inspector.subscription('machines.*.*')).toHaveCount(0);
    await page.getByRole('button', { name: 'Re-register 2 subscriptions', exact: true }).click();
    await expect(inspector.subscription('machines.*.*')).toHaveAttribute('data-status', 'active');
    await expect(inspector.subscription('jobs.*.*')).toHaveAttribute('data-status', 'active');
    await expect(page.getByTestId('reregister-prompt')).toHaveCount(0);
  });
});
