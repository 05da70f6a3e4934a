/**
 * What a capture recorded to disk looks like in the browser's database (capture-database.ts).
 * Plain data, shaped after docs/reference/capture-format.md so a stored capture exports to that
 * format without translation.
 */

/** A register and its outcome, kept as history: reopening a capture never re-sends it. */
export interface StoredSubscription {
  spec: string;
  /** ISO time of the outcome. */
  at: string;
  /** `active` once acked, `failed` after the ack timeout (the format's `subscription` marker). */
  state: string;
}

/** A disconnected stretch: events published between `from` and `to` (ISO) are missing. */
export interface StoredGap {
  /** Events of this capture before the gap (it sits after event number `afterEvent`, 1-based). */
  afterEvent: number;
  from: string;
  to: string;
  reason: string;
}

export interface CaptureMeta {
  id?: number;
  /** What the list shows; the user may rename it. */
  name: string;
  source: 'live' | 'imported';
  /** Live: the endpoint origin; imported: the file name. */
  from: string;
  /** Origin only (scheme, host, port): never a token, user:password or query. */
  endpoint: string;
  user: string;
  /** ISO times the recording started and last wrote. */
  startedAt: string;
  endedAt: string;
  /** `Time` of the first and last event written, as the server sent them. */
  firstTime: string;
  lastTime: string;
  /** Events written (acknowledged by the database), including those the size cap evicted since. */
  events: number;
  /** Oldest events deleted to stay under the size cap. */
  evicted: number;
  /** Frame text written, UTF-8 bytes, and what it takes on disk after compression (both net of eviction). */
  rawBytes: number;
  storedBytes: number;
  subscriptions: StoredSubscription[];
  gaps: StoredGap[];
  /** The recording stopped cleanly (the export writes an `end` marker). */
  ended: boolean;
}

export type ChunkCodec = 'deflate-raw' | 'none';

/** A run of consecutive events of one capture: their lines (`text\n` each), compressed together. */
export interface ChunkRow {
  id?: number;
  captureId: number;
  /** Index (0-based) of the chunk's first event within its capture. */
  firstEvent: number;
  count: number;
  rawBytes: number;
  storedBytes: number;
  codec: ChunkCodec;
  data: Uint8Array;
}

/**
 * A chunk's stored headers (chunk-index.ts StoredHeader[] as JSON, compressed with the chunk's
 * codec), in their own table under the chunk's id: History reads these for versions spread over
 * a whole capture without reading the events' bytes.
 */
export interface ChunkHeadersRow {
  id: number;
  codec: ChunkCodec;
  data: Uint8Array;
}
