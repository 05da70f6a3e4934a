import type { Page } from '@playwright/test';
import type { Simulator } from '../../simulator/simulator';
import { expect, test } from './support/fixtures';
import { basicAuth } from './support/inspector-page';
import { simRest } from './support/sim-rest';

type Profile = Record<string, unknown> & { Params?: Record<string, unknown> };
type PatchOp = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };

/** Two users of docs/simulator.md: the superuser and `viewer`, who may change profiles. */
const USERS = {
  rocketskates: 'r0cketsk8ts',
  viewer: 'v1ewer',
} as const;

/** A JSON Patch of profile `global` as `user`, the way drpcli would send it. */
async function patchGlobalAs(sim: Simulator, user: keyof typeof USERS, ops: PatchOp[]): Promise<void> {
  const response = await fetch(`${sim.httpUrl}/api/v3/profiles/global`, {
    method: 'PATCH',
    headers: { Authorization: basicAuth(user, USERS[user]), 'Content-Type': 'application/json' },
    body: JSON.stringify(ops),
  });
  expect(response.status, await response.text()).toBe(200);
}

/** `global` without `Params.bar` and `Params.baz`, before the page listens (other specs share the simulator). */
async function resetGlobal(sim: Simulator): Promise<void> {
  const profile = (await simRest(sim, 'GET', 'profiles/global')) as Profile;
  const params = { ...(profile.Params ?? {}) };
  delete params.bar;
  delete params.baz;
  await simRest(sim, 'PUT', 'profiles/global', { ...profile, Params: params });
}

const hashParams = (page: Page): Record<string, string> => Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.slice(1)));

test('Changed path answers who changed Params.bar; Objects counts the versions; the view survives a reload', async ({
  inspector,
  page,
  sim,
}) => {
  await resetGlobal(sim);
  await inspector.openConnected();
  await inspector.register('*.*.*');

  // Five PATCHes of `global` by two users; one of them leaves Params.bar alone. Around them, a machine.
  await patchGlobalAs(sim, 'rocketskates', [{ op: 'add', path: '/Params/bar', value: 'one' }]);
  await simRest(sim, 'POST', 'machines', { Uuid: '5e1c0b7a-2d4f-4e8a-9c3b-00000000beef', Name: 'objects-url.lab', Stage: 'discover' });
  await patchGlobalAs(sim, 'viewer', [{ op: 'add', path: '/Params/baz', value: 'x' }]);
  await patchGlobalAs(sim, 'viewer', [{ op: 'replace', path: '/Params/bar', value: 'two' }]);
  await patchGlobalAs(sim, 'rocketskates', [{ op: 'replace', path: '/Params/bar', value: 'three' }]);
  await patchGlobalAs(sim, 'viewer', [{ op: 'remove', path: '/Params/bar' }]);
  // Every Basic-auth call also publishes a log.audit line: more "other events".
  await expect(inspector.row({ type: 'profiles', key: 'global' })).toHaveCount(5);
  await expect(inspector.row({ type: 'machines' })).toHaveCount(1);

  await page.getByLabel('Changed path', { exact: true }).fill('Params.bar');
  await expect(inspector.timelineCount()).toHaveText(/^4 of \d+ events$/);
  const rows = inspector.rows();
  await expect(rows.locator('.timeline-cell--principal')).toHaveText([
    'user:rocketskates',
    'user:viewer',
    'user:rocketskates',
    'user:viewer',
  ]);
  await expect(rows.locator('.timeline-cell--summary')).toHaveText([
    'Params.bar added: one',
    'Params.bar one → two',
    'Params.bar two → three',
    'Params.bar removed (was three)',
  ]);
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-key', 'global');

  // Objects: one row for the profile, with its five versions; selecting it opens History.
  await page.getByRole('button', { name: 'Objects', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Objects', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Events', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.getByLabel('Filter type', { exact: true }).fill('profiles');
  const profileRow = page.locator('[data-testid="object-row"][data-type="profiles"][data-key="global"]');
  await expect(page.getByTestId('object-row')).toHaveCount(1);
  await expect(profileRow).toHaveAttribute('data-versions', '5');
  await expect(profileRow.locator('.objects-cell--principal')).toHaveText('user:viewer');
  await profileRow.click();
  await expect(page.getByRole('tab', { name: 'History', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(profileRow).toHaveAttribute('aria-selected', 'true');

  // The URL holds the view (never a credential), and ?endpoint= stays the query.
  await expect
    .poll(() => hashParams(page))
    .toEqual({
      view: 'objects',
      type: 'profiles',
      changed: 'Params.bar',
      obj: 'profiles/global',
      tab: 'history',
    });
  expect(new URL(page.url()).searchParams.get('endpoint')).toBe(sim.httpUrl);
  expect(page.url()).not.toContain('r0cketsk8ts');

  // Reload: the view is back before any event is; the object is selected once its events arrive.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Objects', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Filter type', { exact: true })).toHaveValue('profiles');
  await expect(page.getByTestId('object-row')).toHaveCount(0);
  await inspector.connectWithPassword();
  await inspector.expectOpen();
  await inspector.register('*.*.*');
  await patchGlobalAs(sim, 'viewer', [{ op: 'add', path: '/Params/bar', value: 'four' }]);
  await expect(profileRow).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'History', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.detail()).toContainText('global');

  await page.getByRole('button', { name: 'Events', exact: true }).click();
  await expect(page.getByLabel('Changed path', { exact: true })).toHaveValue('Params.bar');
  await expect(page.getByLabel('Filter type', { exact: true })).toHaveValue('profiles');
  await expect(inspector.timelineCount()).toHaveText(/^1 of \d+ events$/);
  await expect(inspector.selectedRow().locator('.timeline-cell--summary')).toHaveText('Params.bar added: four');
  await expect.poll(() => hashParams(page).view).toBeUndefined();
});
