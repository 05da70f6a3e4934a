/**
 * Raw JSON bytes per event for a payload, measured on the wire with a Node websocket client: the
 * denominator of "renderer memory per buffered event" and the frame size shown in the tables.
 */
import { WebSocket } from 'ws';
import type { Simulator } from '../simulator/simulator';
import { BENCH_SPEC } from './bench-clients';
import { burstCommand } from './payloads';
import type { Payload } from './payloads';

const SAMPLE_EVENTS = 200;

export async function measureFrameBytes(sim: Simulator, token: string, payload: Payload): Promise<number> {
  const ws = new WebSocket(`${sim.wsUrl}?token=${encodeURIComponent(token)}`);
  const sizes: number[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('open', () => ws.send(`register ${BENCH_SPEC}`));
      ws.on('message', (data: Buffer) => {
        const text = data.toString('utf8');
        if (text.startsWith('{"Time"') && text.includes('"Type":"websocket"')) resolve();
        else sizes.push(data.length);
      });
    });
    await sim.control(burstCommand(payload, 2000, SAMPLE_EVENTS / 2000));
    const deadline = Date.now() + 5000;
    while (sizes.length < SAMPLE_EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    ws.close();
  }
  if (sizes.length === 0) throw new Error('no burst frames arrived for the frame-size sample');
  return sizes.reduce((a, b) => a + b, 0) / sizes.length;
}
