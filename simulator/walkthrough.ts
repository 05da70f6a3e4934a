import { applyJsonPatch } from './json-patch';
import type { DrpObject } from './model-keys';
import type { ObjectStore } from './object-store';
import { globalProfile } from './seed-objects';

/**
 * The docs' websocket walkthrough (fixtures/seed-events.jsonl; docs/reference/drp-protocol.md §6 profile sample):
 * set param `bar` = "blatz" on profile `global`, then remove it. On a v4 server that is two
 * `profiles.update.global` events with `Original`, and the diff between the two objects is exactly
 * `Params.bar`. Done with the same JSON Patch calls a client would PATCH over REST.
 */
export function runSeedWalkthrough(store: ObjectStore, principal = 'user:rocketskates'): { events: number } {
  let profile = store.get('profiles', 'global');
  if (!profile) profile = store.create('profiles', globalProfile(), principal);
  let events = 0;
  const params = profile.Params as DrpObject | null;
  if (params && Object.hasOwn(params, 'bar')) {
    // Start from a profile without bar so the pair of events is always "add, then remove".
    store.replace('profiles', 'global', applyJsonPatch(profile, [{ op: 'remove', path: '/Params/bar' }]), principal);
    profile = store.get('profiles', 'global') as DrpObject;
    events++;
  }
  const withBar = applyJsonPatch(profile, [{ op: 'add', path: '/Params/bar', value: 'blatz' }]);
  store.replace('profiles', 'global', withBar, principal);
  store.replace('profiles', 'global', applyJsonPatch(withBar, [{ op: 'remove', path: '/Params/bar' }]), principal);
  return { events: events + 2 };
}
