import { describe, expect, it } from 'vitest';
import { packFrames } from '../../../src/connection/frame-text';
import { receiveTextFrame } from '../../../src/connection/received-frame';
import { EventBuffer } from '../../../src/store/event-buffer';

function append(buffer: EventBuffer, type: string, key: string) {
  const raw = JSON.stringify({
    Time: '2021-08-30T14:01:59Z',
    Type: type,
    Action: 'save',
    Key: key,
    Principal: '',
    Object: { Name: key },
    Original: null,
  });
  const [frame] = packFrames([receiveTextFrame(raw)]).frames;
  if (frame.kind !== 'event') throw new Error('fixture is not an event');
  return buffer.append(frame.header, frame.text, frame.bytes, 0);
}

describe('EventBuffer key index', () => {
  it('stays bounded under many distinct keys', () => {
    const buffer = new EventBuffer(10);
    for (let i = 0; i < 10_000; i += 1) append(buffer, 'leases', `key-${i}`);
    expect(buffer.size).toBe(10);
    // Limit is max(2 * capacity, 1024); a prune leaves only keys still in the ring.
    expect(buffer.indexedKeys).toBeLessThanOrEqual(1024);
    expect(buffer.indexedKeys).toBeGreaterThanOrEqual(10);
  });

  it('keeps chains of objects still in the ring across a prune', () => {
    const buffer = new EventBuffer(10);
    for (let i = 0; i < 2000; i += 1) {
      append(buffer, 'leases', `key-${i}`);
    }
    const first = append(buffer, 'machines', 'm1').record;
    for (let i = 0; i < 3; i += 1) append(buffer, 'leases', `more-${i}`);
    const second = append(buffer, 'machines', 'm1').record;
    expect(second.prevSeq).toBe(first.seq);
    expect(buffer.previousVersion(second.seq)).toEqual({ status: 'found', record: first });
  });

  it('drops cached payloads of evicted records', () => {
    const buffer = new EventBuffer(2);
    const { record } = append(buffer, 'machines', 'm1');
    expect(buffer.payloadOf(record.seq)?.object).toEqual({ Name: 'm1' });
    append(buffer, 'machines', 'm2');
    append(buffer, 'machines', 'm3');
    expect(buffer.payloadOf(record.seq)).toBeUndefined();
  });
});
