import { describe, expect, it } from 'vitest';
import { decodeFrameText, ingestFrameOf, packFrames } from '../../../src/connection/frame-text';
import { receiveBinaryFrame, receiveTextFrame } from '../../../src/connection/received-frame';

const eventText = (key: string, note = '') =>
  JSON.stringify({
    Time: '2021-08-30T14:01:59Z',
    Type: 'machines',
    Action: 'update',
    Key: key,
    Principal: '',
    Object: { Name: key, Note: note },
    Original: null,
  });

describe('packFrames', () => {
  it('packs every event text of a batch into one buffer and decodes each back exactly', () => {
    const texts = [eventText('a'), eventText('b', 'Grüße, 機械 🚀'), eventText('c', 'x'.repeat(5000))];
    const batch = packFrames([
      receiveTextFrame(texts[0]),
      receiveBinaryFrame(3),
      receiveTextFrame(texts[1]),
      receiveTextFrame('nope'),
      receiveTextFrame(texts[2]),
    ]);
    expect(batch.frames.map((frame) => frame.kind)).toEqual(['event', 'error', 'event', 'error', 'event']);
    const events = batch.frames.filter((frame) => frame.kind === 'event');
    expect(events.map((frame) => decodeFrameText(frame.text))).toEqual(texts);
    for (const frame of events) expect(frame.text.buffer).toBe(batch.buffer);
    // UTF-8: multi-byte characters take more than one byte, and nothing is left unused at the end.
    const utf8Length = texts.reduce((sum, text) => sum + new TextEncoder().encode(text).length, 0);
    expect(batch.buffer?.byteLength).toBe(utf8Length);
    // Sizes stay the text length the protocol layer reports (UTF-16 code units).
    expect(events.map((frame) => frame.bytes)).toEqual(texts.map((text) => text.length));
  });

  it('keeps headers, acks and errors as classified', () => {
    const event = receiveTextFrame(eventText('m-1'));
    const packed = ingestFrameOf(event);
    if (event.kind !== 'event' || packed.kind !== 'event') throw new Error('expected events');
    expect(packed.header).toEqual(event.header);
    const error = receiveTextFrame('[1]');
    expect(ingestFrameOf(error)).toEqual(error);
  });

  it('has no buffer for a batch without events', () => {
    expect(packFrames([receiveBinaryFrame(1)])).toEqual({ frames: [receiveBinaryFrame(1)], buffer: null });
    expect(packFrames([])).toEqual({ frames: [], buffer: null });
  });
});
