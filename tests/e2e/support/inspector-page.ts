import { expect, type Locator, type Page } from '@playwright/test';
import type { Simulator } from '../../../simulator/simulator';
import type { AppServer } from '../../../scripts/serve-app';

export const DEMO_USER = 'rocketskates';
export const DEMO_PASSWORD = 'r0cketsk8ts';

export type DetailTabName = 'Object' | 'Diff' | 'History' | 'Blame' | 'Raw';
export type FilterFacet = 'type' | 'action' | 'key' | 'principal';
export type FilterFlag = 'Regex' | 'Case sensitive' | 'Invert';

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

  /** Opens the page, connects as the demo superuser and waits for the socket to be open. */
  async openConnected(): Promise<void> {
    await this.open();
    await this.connectWithPassword();
    await this.expectOpen();
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

  async disconnect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  }

  connectionStatus(): Locator {
    return this.page.getByTestId('connection-status');
  }

  connectionError(): Locator {
    return this.page.getByTestId('connection-error');
  }

  serverVersion(): Locator {
    return this.page.getByTestId('server-version');
  }

  async expectOpen(): Promise<void> {
    await expect(this.connectionStatus()).toHaveText('open');
  }

  // --- subscriptions ---------------------------------------------------------------------------

  subscription(spec: string): Locator {
    return this.page.locator(`[data-testid="subscription"][data-spec="${cssEscape(spec)}"]`);
  }

  /** Types a spec and presses Register without waiting for the server's ack. */
  async submitSubscription(spec: string): Promise<void> {
    await this.page.getByLabel('Subscription', { exact: true }).fill(spec);
    await this.page.getByRole('button', { name: 'Register', exact: true }).click();
  }

  async register(spec: string): Promise<void> {
    await this.submitSubscription(spec);
    await expect(this.subscription(spec)).toHaveAttribute('data-status', 'active');
  }

  async deregister(spec: string): Promise<void> {
    await this.subscription(spec)
      .getByRole('button', { name: `Deregister ${spec}`, exact: true })
      .click();
  }

  // --- counters ----------------------------------------------------------------------------------

  async receivedCount(): Promise<number> {
    const text = (await this.page.getByTestId('received-count').textContent()) ?? '';
    return Number.parseInt(text, 10);
  }

  async expectReceived(count: number): Promise<void> {
    await expect(this.page.getByTestId('received-count')).toHaveText(String(count));
  }

  /** "N of M events" above the list: N rows pass the filter out of M visible in the buffer. */
  timelineCount(): Locator {
    return this.page.getByTestId('timeline-count');
  }

  async expectTimelineCount(shown: number, total: number): Promise<void> {
    await expect(this.timelineCount()).toHaveText(`${shown} of ${total} events`);
  }

  // --- buffer controls ---------------------------------------------------------------------------

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
  }

  /** The Resume button, whose name carries the count of events that arrived while paused. */
  resumeButton(): Locator {
    return this.page.getByRole('button', { name: /^Resume \(\d+ new\)$/ });
  }

  pendingWhilePaused(): Locator {
    return this.page.getByTestId('pending-count');
  }

  async clear(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear', exact: true }).click();
  }

  // --- timeline ----------------------------------------------------------------------------------

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

  selectedRow(): Locator {
    return this.page.locator('[data-testid="timeline-row"][aria-selected="true"]');
  }

  scroller(): Locator {
    return this.page.getByTestId('timeline-scroller');
  }

  jumpToLatest(): Locator {
    return this.page.getByRole('button', { name: 'Jump to latest', exact: true });
  }

  /** Scrolls the list to its top the way a wheel or drag would: a scroll event at a new offset. */
  async scrollTimelineToTop(): Promise<void> {
    await this.scroller().evaluate((element) => {
      element.scrollTop = 0;
    });
  }

  /** Pixels between the bottom of the scroller's viewport and the end of its content. */
  async distanceFromBottom(): Promise<number> {
    return this.scroller().evaluate((element) => element.scrollHeight - element.clientHeight - element.scrollTop);
  }

  async scrollTop(): Promise<number> {
    return this.scroller().evaluate((element) => element.scrollTop);
  }

  /**
   * Resolves after two animation frames: the store flushes once per frame and the virtualizer
   * positions rows in the next one, so afterwards anything that would react to the last flush has.
   */
  async settleFrames(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }

  filterText(): Locator {
    return this.page.getByLabel('Filter', { exact: true });
  }

  filterFacet(facet: FilterFacet): Locator {
    return this.page.getByLabel(`Filter ${facet}`, { exact: true });
  }

  filterFlag(flag: FilterFlag): Locator {
    return this.page.getByRole('checkbox', { name: flag, exact: true });
  }

  // --- detail pane -------------------------------------------------------------------------------

  detail(): Locator {
    return this.page.getByRole('region', { name: 'Event detail' });
  }

  tab(name: DetailTabName): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async showTab(name: DetailTabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  tabPanel(): Locator {
    return this.page.getByRole('tabpanel');
  }

  diffStatus(): Locator {
    return this.page.getByTestId('diff-status');
  }

  diffEntries(): Locator {
    return this.page.getByTestId('diff-entry');
  }

  diffEntry(kind: 'added' | 'removed' | 'changed', path: string): Locator {
    return this.page.locator(`[data-testid="diff-entry"][data-kind="${kind}"][data-path="${cssEscape(path)}"]`);
  }

  /** "vs previous" / "vs Original" toggle, shown for events that carry Original. */
  diffBase(name: 'vs previous' | 'vs Original'): Locator {
    return this.page.getByRole('group', { name: 'Compare with' }).getByRole('button', { name, exact: true });
  }

  rawJson(): Locator {
    return this.page.getByTestId('raw-json');
  }

  // --- simulator side ----------------------------------------------------------------------------

  /** Asks the simulator for a user token over its REST API, as a script or drpcli would. */
  async grantToken(username = DEMO_USER, password = DEMO_PASSWORD, ttlSeconds = 600): Promise<string> {
    const response = await fetch(`${this.sim.httpUrl}/api/v3/users/${username}/token?ttl=${ttlSeconds}`, {
      headers: { Authorization: basicAuth(username, password) },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { Token: string };
    return body.Token;
  }

  /** Registrations the simulator holds for the socket that has `spec` (or undefined if none does). */
  simRegistrationsWith(spec: string): string[] | undefined {
    return this.sim.stats().connections.find((connection) => connection.registrations.includes(spec))?.registrations;
  }
}

export function basicAuth(username = DEMO_USER, password = DEMO_PASSWORD): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function cssEscape(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
