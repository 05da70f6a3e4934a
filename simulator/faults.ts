import type { DrpEvent } from '../src/protocol/event';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import { gohaiInventory } from './gohai-inventory';
import { goJsonEvent } from './go-json';
import type { DrpObject } from './model-keys';
import type { ObjectStore } from './object-store';
import { Prng } from './prng';

/**
 * Fault injection: things a real endpoint or network does to a browser client (docs/reference/drp-protocol.md
 * §7). Frames that are not events (malformed, binary) go to every socket unfiltered; valid events
 * (huge, hostile) go through the normal matching and permission filter.
 */

export const DEFAULT_MALFORMED_TEXT = '{"Time":"2021-08-30T14:02:11.538920417Z","Type":"machines","Action":"upd';

export function sendMalformed(hub: EventHub, text?: string): { sentTo: number } {
  return { sentTo: hub.broadcastRaw(text ?? DEFAULT_MALFORMED_TEXT, false) };
}

/** DRP never sends binary frames; a client must survive one anyway. */
export function sendBinary(hub: EventHub): { sentTo: number } {
  return { sentTo: hub.broadcastRaw(Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x7b, 0x22, 0xff]), true) };
}

/** A valid `machines.update` frame of about `bytes` (§6: plan for 10-100+ KB, occasionally MB). */
export function sendHuge(hub: EventHub, store: ObjectStore, clock: Clock, bytes: number): { bytes: number } {
  const rng = new Prng(bytes);
  const machine = store.list('machines')[0] ?? { Uuid: rng.uuid(), Name: 'huge.lab.example.com', Params: {} };
  const key = machine.Uuid as string;
  const params: DrpObject = { ...(machine.Params as DrpObject) };
  delete params['gohai-inventory'];
  const event: DrpEvent = {
    Time: clock.timestamp(),
    Type: 'machines',
    Action: 'update',
    Key: key,
    Principal: `runner:${key}`,
    Object: { ...machine, Params: params },
    Original: null,
  };
  const room = bytes - JSON.stringify(event).length - 30;
  if (room > 0) params['gohai-inventory'] = gohaiInventory(rng, room);
  const text = goJsonEvent(event);
  hub.publishPrepared(event, text);
  return { bytes: text.length };
}

export const HOSTILE_MARKUP = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

/** Valid events whose every string field is markup or script; a safe UI shows them as text. */
export function hostileEvents(clock: Clock): DrpEvent[] {
  const time = clock.timestamp();
  return [
    {
      Time: time,
      Type: HOSTILE_MARKUP,
      Action: SCRIPT,
      Key: HOSTILE_MARKUP,
      Principal: HOSTILE_MARKUP,
      Object: { [HOSTILE_MARKUP]: SCRIPT, Name: HOSTILE_MARKUP, Nested: { [SCRIPT]: [HOSTILE_MARKUP] } },
      Original: null,
    },
    {
      Time: time,
      Type: 'machines',
      Action: 'update',
      Key: SCRIPT,
      Principal: `user:${HOSTILE_MARKUP}`,
      Object: {
        Uuid: SCRIPT,
        Name: HOSTILE_MARKUP,
        Description: '"><svg onload="window.__pwned=1">',
        Params: { [HOSTILE_MARKUP]: SCRIPT, 'javascript:window.__pwned=1': 'javascript:window.__pwned=1' },
      },
      Original: { Uuid: SCRIPT, Name: 'before', Description: '', Params: {} },
    },
    {
      Time: time,
      Type: 'profiles',
      Action: 'update',
      Key: 'global',
      Principal: 'javascript:window.__pwned=1',
      Object: {
        Name: 'global',
        Description: SCRIPT,
        Meta: { icon: 'javascript:window.__pwned=1', color: HOSTILE_MARKUP },
        Params: { __proto__x: 1, [`${HOSTILE_MARKUP}`]: { constructor: SCRIPT } },
      },
      Original: { Name: 'global', Description: '', Meta: {}, Params: {} },
    },
    {
      Time: time,
      Type: 'log',
      Action: 'warn',
      Key: HOSTILE_MARKUP,
      Principal: SCRIPT,
      Object: {
        Level: 'warn',
        Service: HOSTILE_MARKUP,
        Message: `\u001b[31m${SCRIPT}\u001b[0m \u202eevil\u202c ${HOSTILE_MARKUP}`,
        Data: [SCRIPT],
      },
      Original: null,
    },
  ];
}

export function sendHostile(hub: EventHub, clock: Clock): { sent: number } {
  const events = hostileEvents(clock);
  for (const event of events) hub.publish(event);
  return { sent: events.length };
}
