import { readSeedFrames } from '../../fixtures/seed-events';

/** Frame builders for tests: the wire format of docs/reference/drp-protocol.md §4.1 and the ack of §2.3. */
export function eventFrame(type: string, action: string, key: string, object: unknown = { Name: key }, original: unknown = null): string {
  return JSON.stringify({
    Time: '2021-08-30T14:01:59.100000001Z',
    Type: type,
    Action: action,
    Key: key,
    Principal: 'user:rocketskates',
    Object: object,
    Original: original,
  });
}

export function ackFrame(verb: 'register' | 'deregister', spec: string): string {
  return JSON.stringify({
    Time: '2021-08-30T14:01:59.1Z',
    Type: 'websocket',
    Action: verb,
    Key: spec,
    Principal: '',
    Object: null,
    Original: null,
  });
}

/**
 * The docs walkthrough: a save of the `global` profile without `bar`, then the two real frames of
 * tests/fixtures (`Params.bar: "blatz"` added, then removed; they carry no Principal or Original).
 */
export function seedWalkthrough(): string[] {
  const [withBar, withoutBar] = readSeedFrames();
  const initial = JSON.parse(withoutBar) as { Object: unknown };
  return [eventFrame('profiles', 'save', 'global', initial.Object), withBar, withoutBar];
}
