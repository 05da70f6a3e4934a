import jsonpatch, { type Operation } from 'fast-json-patch';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { basicAuth } from './support/inspector-page';
import type { Simulator } from '../../simulator/simulator';

type Profile = { Name: string; Params: Record<string, unknown> } & Record<string, unknown>;

/** The two demo users who may change profiles (simulator/users.ts): the superuser and `viewer`. */
const USERS = {
  rocketskates: 'r0cketsk8ts',
  viewer: 'v1ewer',
} as const;
type User = keyof typeof USERS;

/** PATCHes profile `global` as `user`, the way drpcli does (RFC 6902 body); returns the stored profile. */
async function patchGlobal(sim: Simulator, user: User, patch: Operation[]): Promise<Profile> {
  const response = await fetch(`${sim.httpUrl}/api/v3/profiles/global`, {
    method: 'PATCH',
    headers: { Authorization: basicAuth(user, USERS[user]), 'Content-Type': 'application/json-patch+json' },
    body: JSON.stringify(patch),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as Profile;
}

/** Five saves of `global` by two users; `/` in a key (`change-stage/map`) exercises pointer escaping. */
const PATCHES: [User, Operation[]][] = [
  ['rocketskates', [{ op: 'add', path: '/Params/bar', value: 'one' }]],
  [
    'viewer',
    [
      { op: 'replace', path: '/Params/bar', value: 'two' },
      { op: 'add', path: '/Params/color', value: 'red' },
    ],
  ],
  ['rocketskates', [{ op: 'replace', path: '/Params/change-stage~1map/discover', value: 'sledgehammer:Success' }]],
  ['viewer', [{ op: 'replace', path: '/Params/color', value: 'blue' }]],
  ['rocketskates', [{ op: 'replace', path: '/Params/bar', value: 'five' }]],
];

const historyRows = (page: Page) => page.getByTestId('history-version');
const blameLeaf = (page: Page, path: string) => page.locator(`[data-testid="blame-leaf"][data-path="${path.replace(/"/g, '\\"')}"]`);
const selectedSeq = (page: Page) => page.getByRole('region', { name: 'Event detail' });

test.describe('object history', () => {
  // Copy as JSON Patch writes the clipboard; reading it back needs the read permission (Chromium).
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('five PATCHes by two users: History, Compare first and last, JSON Patch, Blame, [ and ]', async ({ inspector, sim, page }) => {
    await inspector.openConnected();
    await inspector.register('profiles.*.global');
    const versions: Profile[] = [];
    for (const [user, patch] of PATCHES) versions.push(await patchGlobal(sim, user, patch));
    await inspector.expectTimelineCount(5, 5);
    const seqs = await inspector
      .rows()
      .evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.seq)).sort((a, b) => a - b));
    expect(seqs).toHaveLength(5);
    const [first, , third, fourth, last] = seqs;

    // History of the newest version: every version, newest first, with who made it.
    await inspector.row({ action: 'update', key: 'global' }).last().click();
    await expect(selectedSeq(page)).toHaveAttribute('data-seq', String(last));
    await page.getByRole('tab', { name: 'History', exact: true }).click();
    await expect(historyRows(page)).toHaveCount(5);
    expect(await historyRows(page).evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.seq)))).toEqual(
      [...seqs].reverse(),
    );
    await expect(historyRows(page).getByTestId('history-principal')).toHaveText([
      'user:rocketskates',
      'user:viewer',
      'user:rocketskates',
      'user:viewer',
      'user:rocketskates',
    ]);
    await expect(historyRows(page).first()).toHaveAttribute('aria-current', 'true');
    await expect(historyRows(page).first()).toContainText('Params.bar two → five');

    // Compare with the first version: the whole way from the first save to the last.
    await historyRows(page).last().getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Diff', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('diff-compare-base')).toContainText(`#${first} `);
    await expect(page.getByTestId('diff-compare-base')).toContainText('user:rocketskates');
    await expect(page.getByTestId('diff-compare-selected')).toContainText(`#${last} `);
    await expect(page.getByTestId('diff-compare')).toHaveAttribute('data-reversed', 'false');
    await expect(inspector.diffStatus()).toHaveText('3 changes');
    await expect(inspector.diffEntry('changed', 'Params.bar')).toHaveText('changed Params.bar: "one" → "five"');
    await expect(inspector.diffEntry('added', 'Params.color')).toHaveText('added Params.color: "blue"');
    await expect(inspector.diffEntry('changed', 'Params.change-stage/map.discover')).toContainText('"sledgehammer:Success"');

    // The copied patch turns the first version into the last.
    await page.getByRole('button', { name: 'Copy as JSON Patch', exact: true }).click();
    await expect(page.getByTestId('json-patch-status')).toHaveText(/^Copied 3 operations\.$/);
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Operation[];
    expect(copied.map((operation) => operation.path).sort()).toEqual([
      '/Params/bar',
      '/Params/change-stage~1map/discover',
      '/Params/color',
    ]);
    expect(jsonpatch.applyPatch(structuredClone(versions[0]), copied, true).newDocument).toEqual(versions[4]);

    // Side by side, then back.
    await page.getByRole('button', { name: 'Side by side', exact: true }).click();
    await expect(page.getByTestId('diff-side-by-side')).toBeVisible();
    await page.getByRole('button', { name: 'Inline', exact: true }).click();

    // Blame of the last version: each changed leaf names the version that last changed it.
    await page.getByRole('tab', { name: 'Blame', exact: true }).click();
    await expect(blameLeaf(page, 'Params.bar')).toHaveAttribute('data-changed-seq', String(last));
    await expect(blameLeaf(page, 'Params.color')).toHaveAttribute('data-changed-seq', String(fourth));
    await expect(blameLeaf(page, 'Params.color').getByTestId('blame-version')).toContainText(`#${fourth} `);
    await expect(blameLeaf(page, 'Params.color').getByTestId('blame-version')).toContainText('user:viewer');
    await expect(blameLeaf(page, 'Params.change-stage/map.discover')).toHaveAttribute('data-changed-seq', String(third));
    await expect(blameLeaf(page, 'Name').getByTestId('blame-version')).toHaveText('before capture');
    await blameLeaf(page, 'Params.color').getByTestId('blame-version').click();
    await expect(selectedSeq(page)).toHaveAttribute('data-seq', String(fourth));
    await expect(inspector.selectedRow()).toHaveAttribute('data-seq', String(fourth));

    // [ and ] step along the versions; the timeline selection follows.
    await page.keyboard.press('[');
    await expect(selectedSeq(page)).toHaveAttribute('data-seq', String(third));
    await expect(inspector.selectedRow()).toHaveAttribute('data-seq', String(third));
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect(selectedSeq(page)).toHaveAttribute('data-seq', String(last));
    await expect(inspector.selectedRow()).toHaveAttribute('data-seq', String(last));
  });
});
