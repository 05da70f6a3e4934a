import { expect, type Locator, type Page } from '@playwright/test';
import type { Simulator } from '../../../simulator/simulator';
import type { AppServer } from '../../../scripts/serve-app';

export const DEMO_USER = 'rocketskates';
export const DEMO_PASSWORD = 'r0cketsk8ts';

/** Page object: the inspector as a user sees it, addressed by accessible names and test ids. */
export class InspectorPage {
  readonly page: Page;
  readonly app: AppServer;
  readonly sim: Simulator;

  constructor(page: Page, app: AppServer, sim: Simulator) {
    this.page = page;
    this.app = app;
    this.sim = sim;
  }

  async open(endpoint = this.sim.httpUrl): Promise<void> {
    await this.page.goto(`${this.app.url}?endpoint=${encodeURIComponent(endpoint)}`);
    await expect(this.page.getByLabel('Endpoint', { exact: true })).toBeVisible();
  }

  async connectWithPassword(username = DEMO_USER, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByLabel('Token', { exact: true }).fill('');
    await this.page.getByLabel('Username', { exact: true }).fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  async connectWithToken(token: string): Promise<void> {
    await this.page.getByLabel('Username', { exact: true }).fill('');
    await this.page.getByLabel('Password', { exact: true }).fill('');
    await this.page.getByLabel('Token', { exact: true }).fill(token);
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByTestId('connection-status')).toContainText(/open/i);
  }

  subscription(spec: string): Locator {
    return this.page.locator(`[data-testid="subscription"][data-spec="${cssEscape(spec)}"]`);
  }

  async register(spec: string): Promise<void> {
    await this.page.getByLabel('Subscription', { exact: true }).fill(spec);
    await this.page.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(this.subscription(spec)).toHaveAttribute('data-status', 'active');
  }

  async receivedCount(): Promise<number> {
    const text = (await this.page.getByTestId('received-count').textContent()) ?? '';
    return Number.parseInt(text, 10);
  }

  async expectReceived(count: number): Promise<void> {
    await expect(this.page.getByTestId('received-count')).toHaveText(String(count));
  }

  rows(): Locator {
    return this.page.getByTestId('timeline-row');
  }

  row(filter: { type?: string; action?: string; key?: string }): Locator {
    let selector = '[data-testid="timeline-row"]';
    if (filter.type !== undefined) selector += `[data-type="${cssEscape(filter.type)}"]`;
    if (filter.action !== undefined) selector += `[data-action="${cssEscape(filter.action)}"]`;
    if (filter.key !== undefined) selector += `[data-key="${cssEscape(filter.key)}"]`;
    return this.page.locator(selector);
  }

  /** Asks the simulator for a user token over its REST API, as a script or drpcli would. */
  async grantToken(username = DEMO_USER, password = DEMO_PASSWORD, ttlSeconds = 600): Promise<string> {
    const response = await fetch(`${this.sim.httpUrl}/api/v3/users/${username}/token?ttl=${ttlSeconds}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { Token: string };
    return body.Token;
  }
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
