import { expect, test } from './support/fixtures';
import { simRest } from './support/sim-rest';

type Machine = Record<string, unknown> & { Params: Record<string, unknown> };

test.describe('event detail', () => {
  test('diff of successive saves: create, PUT and PATCH of one machine over REST', async ({ inspector, sim }) => {
    const uuid = '3f0e6d2a-7c41-4b8e-9a55-0000e2ed1ff1';
    await inspector.openConnected();
    await inspector.register(`machines.*.${uuid}`);

    const created = (await simRest(sim, 'POST', 'machines', {
      Uuid: uuid,
      Name: 'e2e-diff.lab.example.com',
      Stage: 'discover',
      Params: {
        nics: [
          { Name: 'eth0', Mac: '52:54:00:00:00:01' },
          { Name: 'eth1', Mac: '52:54:00:00:00:02' },
        ],
      },
    })) as Machine;
    // PUT the whole object back with a changed Stage, a new param and a NIC inserted at the front:
    // matched by Name, that is one added item, not every item shifted.
    await simRest(sim, 'PUT', `machines/${uuid}`, {
      ...created,
      Stage: 'sledgehammer',
      Params: {
        ...created.Params,
        color: 'blue',
        nics: [{ Name: 'eth9', Mac: '52:54:00:00:00:09' }, ...(created.Params.nics as unknown[])],
      },
    });

    await inspector.expectTimelineCount(2, 2);
    await inspector.row({ action: 'create', key: uuid }).click();
    await inspector.showTab('Diff');
    await expect(inspector.diffStatus()).toHaveText('first version seen');

    await inspector.row({ action: 'update', key: uuid }).click();
    await expect(inspector.tab('Diff')).toHaveAttribute('aria-selected', 'true');
    await expect(inspector.diffStatus()).toHaveText('3 changes');
    await expect(inspector.diffEntry('changed', 'Stage')).toHaveText('changed Stage: "discover" → "sledgehammer"');
    await expect(inspector.diffEntry('added', 'Params.color')).toContainText('"blue"');
    await expect(inspector.diffEntry('added', 'Params.nics[Name=eth9]')).toHaveCount(1);
    await expect(inspector.diffEntries()).toHaveCount(3);
    // The event carries Original (a REST update, docs/reference/drp-protocol.md §4.2): the same change against it.
    await inspector.diffBase('vs Original').click();
    await expect(inspector.diffStatus()).toHaveText('3 changes');
    await expect(inspector.diffEntry('changed', 'Stage')).toHaveCount(1);
    await expect(inspector.row({ action: 'update', key: uuid })).toContainText('3 changes: Stage');

    // Clear, then PATCH: "vs previous" has nothing left to compare with, "vs Original" still does.
    await inspector.clear();
    await inspector.expectTimelineCount(0, 0);
    await simRest(sim, 'PATCH', `machines/${uuid}`, [
      { op: 'replace', path: '/Stage', value: 'complete' },
      { op: 'remove', path: '/Params/color' },
    ]);
    await inspector.expectTimelineCount(1, 1);
    await inspector.row({ action: 'update', key: uuid }).click();
    await inspector.showTab('Diff');
    await expect(inspector.diffBase('vs Original')).toHaveAttribute('aria-pressed', 'true');
    await expect(inspector.diffStatus()).toHaveText('2 changes');
    await inspector.diffBase('vs previous').click();
    await expect(inspector.diffStatus()).toHaveText('first version seen');
    await inspector.diffBase('vs Original').click();
    await expect(inspector.diffStatus()).toHaveText('2 changes');
    await expect(inspector.diffEntry('changed', 'Stage')).toHaveText('changed Stage: "sledgehammer" → "complete"');
    await expect(inspector.diffEntry('removed', 'Params.color')).toContainText('"blue"');

    await inspector.showTab('Object');
    await expect(inspector.tabPanel()).toContainText('complete');
    await inspector.showTab('Raw');
    await expect(inspector.rawJson()).toContainText(`"Key": "${uuid}"`);
    await expect(inspector.rawJson()).toContainText('"Original"');
  });

  test('the seed walkthrough: Params.bar "blatz" added on profile global, then removed', async ({ inspector, sim }) => {
    await inspector.openConnected();
    await inspector.register('profiles.*.global');

    const result = (await sim.control({ action: 'seed-walkthrough' })) as { events: number };

    expect(result.events).toBe(2);
    await inspector.expectTimelineCount(2, 2);
    const updates = inspector.row({ type: 'profiles', action: 'update', key: 'global' });
    await expect(updates).toHaveCount(2);

    // First event: nothing earlier in the buffer, so the Diff tab compares with its Original.
    await updates.first().click();
    await inspector.showTab('Diff');
    await expect(inspector.diffBase('vs Original')).toHaveAttribute('aria-pressed', 'true');
    await expect(inspector.diffStatus()).toHaveText('1 change');
    await expect(inspector.diffEntries()).toHaveCount(1);
    await expect(inspector.diffEntry('added', 'Params.bar')).toHaveText('added Params.bar: "blatz"');
    await inspector.diffBase('vs previous').click();
    await expect(inspector.diffStatus()).toHaveText('first version seen');
    await expect(inspector.diffEntries()).toHaveCount(0);

    // Second event: against the first one in the buffer.
    await updates.nth(1).click();
    await inspector.diffBase('vs previous').click();
    await expect(inspector.diffStatus()).toHaveText('1 change');
    await expect(inspector.diffEntries()).toHaveCount(1);
    await expect(inspector.diffEntry('removed', 'Params.bar')).toHaveText('removed Params.bar: "blatz"');
    // A single change reads with its values in the row (change-summary-text.ts).
    await expect(updates.nth(0)).toContainText('Params.bar added: blatz');
    await expect(updates.nth(1)).toContainText('Params.bar removed (was blatz)');
  });

  test('secrets masked in every tab until the one toggle reveals them; a delete reads "deleted" with the object', async ({
    inspector,
    sim,
    page,
  }) => {
    const uuid = '3f0e6d2a-7c41-4b8e-9a55-0000de1e7ed1';
    await inspector.openConnected();
    await inspector.register(`machines.*.${uuid}`);
    await simRest(sim, 'POST', 'machines', { Uuid: uuid, Name: 'e2e-secret.lab.example.com', Secret: 'e2e-machine-secret' });
    await simRest(sim, 'DELETE', `machines/${uuid}`);
    await inspector.expectTimelineCount(2, 2);

    await inspector.row({ action: 'create', key: uuid }).click();
    const mask = inspector.detail().getByRole('checkbox', { name: 'Mask secrets' });
    await expect(mask).toBeChecked();
    await expect(inspector.tabPanel()).toContainText('Secret');
    await expect(inspector.tabPanel()).not.toContainText('e2e-machine-secret');
    await inspector.showTab('Raw');
    await expect(inspector.rawJson()).not.toContainText('e2e-machine-secret');
    await mask.uncheck();
    await expect(inspector.rawJson()).toContainText('e2e-machine-secret');
    await inspector.showTab('Object');
    await expect(inspector.tabPanel()).toContainText('e2e-machine-secret');
    await mask.check();
    await expect(inspector.tabPanel()).not.toContainText('e2e-machine-secret');

    await inspector.row({ action: 'delete', key: uuid }).click();
    await inspector.showTab('Diff');
    await expect(inspector.diffStatus()).toHaveText('deleted');
    await expect(inspector.diffEntries()).toHaveCount(0);
    await expect(inspector.tabPanel()).toContainText('e2e-secret.lab.example.com');
    await expect(inspector.tabPanel()).not.toContainText('e2e-machine-secret');
    expect(await page.getByRole('checkbox', { name: 'Mask secrets', exact: true }).count()).toBe(1);
  });
});
