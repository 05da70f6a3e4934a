/**
 * Renderer memory per buffered event (target: ≤ 1.5× the raw JSON bytes): whole-process PSS
 * of every renderer (process-memory.ts) before the fill and at the target, after a forced GC, divided
 * by the number of buffered events. GPU and utility processes are reported beside it, not in it.
 */
import type { Page } from '@playwright/test';
import type { BenchClient } from './bench-clients';
import { bufferedCount } from './buffer-fill';
import { chromiumMemory } from './process-memory';
import type { MemorySnapshot } from './process-memory';
import { sleep } from './stats';

export interface HeapUsage {
  usedBytes: number;
  totalBytes: number;
}

export interface MemoryPoint {
  buffered: number;
  snapshot: MemorySnapshot;
  heap: HeapUsage;
}

export interface MemoryResult {
  before: MemoryPoint;
  after: MemoryPoint;
  frameBytes: number;
  rendererBytesPerEvent: number;
  heapBytesPerEvent: number;
  ratio: number;
}

/** Main-thread V8 heap after a full GC, via CDP (no --expose-gc flag, so every run uses the same flags). */
async function collectAndMeasureHeap(page: Page): Promise<HeapUsage> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(300);
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
  } finally {
    await cdp.detach();
  }
}

export async function memoryPoint(client: BenchClient): Promise<MemoryPoint> {
  const heap = await collectAndMeasureHeap(client.page);
  await sleep(1000); // let the allocator hand freed pages back before reading PSS
  return { buffered: await bufferedCount(client), snapshot: chromiumMemory(), heap };
}

export function memoryResult(before: MemoryPoint, after: MemoryPoint, frameBytes: number): MemoryResult {
  const events = Math.max(1, after.buffered - before.buffered);
  const rendererBytesPerEvent = ((after.snapshot.byKind.renderer - before.snapshot.byKind.renderer) * 1024) / events;
  const heapBytesPerEvent = (after.heap.usedBytes - before.heap.usedBytes) / events;
  return { before, after, frameBytes, rendererBytesPerEvent, heapBytesPerEvent, ratio: rendererBytesPerEvent / frameBytes };
}
