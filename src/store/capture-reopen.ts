import type { CaptureDatabase } from '../lib/capture-storage/capture-database';
import type { CaptureMeta, ChunkHeadersRow } from '../lib/capture-storage/capture-records';
import { decodeChunk, decodeHeaders } from '../lib/capture-storage/chunk-codec';
import { CaptureTables } from '../lib/capture-storage/chunk-index';
import type { StoredHeader } from '../lib/capture-storage/chunk-index';
import { importedGapOf } from './capture-gaps';
import type { OpenedCapture } from './capture-state';
import { withGapStarted } from './connection-gaps';
import type { ChunkLoader } from './disk-tier';
import type { Inspector } from './inspector-store';

/** Gap ids of reopened captures: above the imported ones (capture-gaps.ts), never a live one's. */
let nextReopenedGapId = 2_000_000_000;

async function headersOf(row: ChunkHeadersRow | undefined): Promise<StoredHeader[] | null> {
  if (!row) return null;
  const headers = await decodeHeaders(row.data, row.codec);
  return Array.isArray(headers) ? (headers as StoredHeader[]) : null;
}

/** Reads stored chunks back for the deep window: their lines with their headers, or the headers alone. */
export function chunkLoaderOf(db: CaptureDatabase): ChunkLoader {
  return {
    chunk: async (rowId) => {
      const stored = await db.chunk(rowId);
      if (!stored) return null;
      const [bytes, headers] = await Promise.all([decodeChunk(stored.chunk.data, stored.chunk.codec), headersOf(stored.headers)]);
      return { bytes, headers };
    },
    headers: async (rowIds) => Promise.all((await db.headersOf(rowIds)).map(headersOf)),
  };
}

/**
 * Reopens a stored capture as the timeline's deep window (docs/architecture.md, "The deep
 * window"): only its index rows are read, the events stay on disk until a view reads them, so a
 * capture of a million events opens as fast as one of a thousand. Its gaps and subscription
 * history come back from its record. Null when the capture is gone, or was written before chunks
 * had index rows (the caller imports it instead).
 */
export async function reopenFromDisk(inspector: Inspector, db: CaptureDatabase, id: number): Promise<OpenedCapture | null> {
  const meta = await db.get(id);
  if (!meta) return null;
  const [rows, keys] = await Promise.all([db.indexOf(id), db.keysOf(id)]);
  const tables = new CaptureTables();
  for (const row of keys) tables.restore(row);
  const kept = meta.events - meta.evicted;
  if (rows.reduce((sum, row) => sum + row.count, 0) !== kept) return null;
  const { store } = inspector;
  const baseEvent = rows[0]?.firstEvent ?? meta.events;
  const last = rows[rows.length - 1];
  const span = last ? last.firstEvent + last.count - baseEvent : 0;
  const first = store
    .getState()
    .actions.openRecorded(
      chunkLoaderOf(db),
      (firstSeq) => rows.map((row) => ({ ...row, ...tables, rowId: row.id, firstSeq: firstSeq + row.firstEvent - baseEvent })),
      span,
    );
  restoreGaps(inspector, meta, first, baseEvent);
  void learnFacts(inspector);
  return {
    name: meta.name,
    kind: 'stored',
    status: 'done',
    events: kept,
    summary: null,
    message: '',
    endpoint: meta.endpoint,
    user: meta.user,
    subscriptions: meta.subscriptions,
    gaps: meta.gaps.length,
  };
}

/** Chunks whose headers are read per round while the facts of a reopened capture's objects are learned. */
const FACT_CHUNKS_PER_ROUND = 25;

/**
 * Names and workflow positions of a reopened capture's objects (what the Objects view and the
 * timeline's names show): read in the background from the stored headers of each object's newest
 * version, newest chunks first (where most objects' newest versions are). Stops if another
 * capture is opened or the timeline is cleared.
 */
async function learnFacts(inspector: Inspector): Promise<void> {
  const { events } = inspector;
  const { index } = events.disk;
  const epoch = index.epoch;
  const newest: number[] = [];
  index.forEachObject((object) => newest.push(object.seqs[object.seqs.length - 1]));
  newest.sort((a, b) => b - a);
  for (let at = 0; at < newest.length && index.epoch === epoch;) {
    const round: number[] = [];
    const chunks = new Set<number>();
    for (; at < newest.length; at += 1) {
      const chunk = index.chunkOf(newest[at])?.rowId ?? 0;
      if (!chunks.has(chunk) && chunks.size >= FACT_CHUNKS_PER_ROUND) break;
      chunks.add(chunk);
      round.push(newest[at]);
    }
    await events.readHeaders(round);
    if (index.epoch !== epoch) return;
    for (const seq of round) {
      const facts = events.header(seq)?.facts;
      const object = index.objectAt(seq);
      if (!facts || !object) continue;
      object.facts = facts;
      events.displayNames.noteFacts(object.type, object.key, facts);
    }
  }
}

/** The capture's gap markers, after the event they followed (gaps before the first kept event lead). */
function restoreGaps(inspector: Inspector, meta: CaptureMeta, first: number, baseEvent: number): void {
  const { store } = inspector;
  for (const gap of [...meta.gaps].sort((a, b) => a.afterEvent - b.afterEvent)) {
    const afterSeq = Math.max(first - 1, first + gap.afterEvent - baseEvent - 1);
    const marker = { kind: 'gap' as const, line: 0, from: gap.from, to: gap.to || gap.from, reason: gap.reason };
    const restored = importedGapOf(marker, afterSeq, nextReopenedGapId);
    nextReopenedGapId += 1;
    store.setState((state) => ({ gaps: withGapStarted(state.gaps, restored) }));
  }
}
