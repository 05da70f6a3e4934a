import type { CaptureDatabase } from '../lib/capture-storage/capture-database';
import { isQuotaError } from '../lib/capture-storage/capture-database';
import type { CaptureMeta, StoredSubscription } from '../lib/capture-storage/capture-records';
import { CaptureTables } from '../lib/capture-storage/chunk-index';
import { liveOriginOf, newCaptureMeta, newOutcomes, storedGapOf, subscriptionOutcomes } from './capture-meta';
import type { CaptureOrigin } from './capture-meta';
import type { CaptureStateStore, RecordingState } from './capture-state';
import type { EventRecord } from './event-record';
import type { InspectorState } from './inspector-state';
import type { Inspector } from './inspector-store';
import { encodePreparedChunk, prepareChunk } from './recorded-chunk';

/**
 * A chunk is written at this many events or characters, or this long after its first event. Each
 * chunk costs a compression stream, a Blob and a transaction on the main thread: 2,000 events cost
 * about 40 % less renderer CPU while recording ~0.9 KB events at 6,000/s than 500 did, and one
 * chunk still decodes in a few milliseconds (docs/decisions/deep-window.md).
 */
const CHUNK_EVENTS = 2000;
const CHUNK_CHARS = 2_000_000;
const CHUNK_DELAY_MS = 500;

interface CurrentCapture {
  meta: CaptureMeta;
  id: Promise<number>;
  /** Events heard (written or queued) and the seq of the last one, to place gaps. */
  heard: number;
  lastSeq: number;
  /** Timeline gap id -> its index in meta.gaps. */
  gaps: Map<number, number>;
  /** The capture's string tables (chunk-index.ts): its chunks' index rows refer into them. */
  tables: CaptureTables;
}

/**
 * Record to disk: follows the store's ingest (`events.onIngest`) and writes every event into the
 * browser's database in chunks of consecutive events, compressed, one transaction per chunk with
 * the capture's counters; only what a transaction acknowledged is reported as written. A write
 * refused for quota stops recording and says so; the ring is never touched (it does not wait on
 * the disk). The size cap deletes the oldest chunks of any capture.
 */
export class CaptureRecorder {
  private current: CurrentCapture | null = null;
  private pending: EventRecord[] = [];
  private pendingChars = 0;
  private pendingTimes = { first: '', last: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopListening: (() => void)[] = [];
  private suspended = false;
  private nextOrigin: CaptureOrigin | null = null;
  private readonly seenGaps = new Set<number>();
  private totalStored = 0;
  /** Provisional ids (disk-tier.ts) of chunks written but not acknowledged yet. */
  private readonly writing = new Set<number>();

  constructor(
    private readonly db: CaptureDatabase,
    private readonly inspector: Inspector,
    private readonly state: CaptureStateStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves once every write queued so far is acknowledged (or failed). */
  settled(): Promise<void> {
    return this.chain;
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.recording.enabled) return;
    if (!enabled) {
      this.endCapture();
      this.stopListening.forEach((stop) => stop());
      this.stopListening = [];
      this.patch({ enabled: false, captureId: 0 });
      return;
    }
    this.patch({ ...this.recording, enabled: true, error: '', captureId: 0, writtenEvents: 0, storedBytes: 0, rawBytes: 0 });
    for (const gap of this.inspector.store.getState().gaps) this.seenGaps.add(gap.id);
    this.enqueue(async () => {
      this.totalStored = await this.db.totalStoredBytes();
    });
    const { store, events } = this.inspector;
    this.stopListening = [events.onIngest((records) => this.hear(records)), store.subscribe((next, prev) => this.follow(next, prev))];
  }

  /** Events ingested from now on belong to a capture imported from `origin` (or are not recorded while `suspended`). */
  beginOpen(origin: CaptureOrigin | null): void {
    this.endCapture();
    this.nextOrigin = origin;
    this.suspended = origin === null;
  }

  /** What a file's `capture` marker says about where it came from. */
  noteImportedOrigin(endpoint: string | undefined, user: string | undefined): void {
    const origin = this.current?.meta.source === 'imported' ? this.current.meta : this.nextOrigin;
    if (!origin) return;
    if (endpoint) origin.endpoint = endpoint;
    if (user) origin.user = user;
  }

  noteSubscription(item: StoredSubscription): void {
    if (this.current && !this.suspended) this.current.meta.subscriptions.push(item);
  }

  /** An import or reopen ended: its capture is complete; live events start a new one. */
  endOpen(): void {
    if (!this.suspended) this.endCapture();
    this.nextOrigin = null;
    this.suspended = false;
  }

  private get recording(): RecordingState {
    return this.state.getState().recording;
  }

  private patch(values: Partial<RecordingState>): void {
    this.state.setState((state) => ({ recording: { ...state.recording, ...values } }));
  }

  private hear(records: readonly EventRecord[]): void {
    if (this.suspended || !this.recording.enabled) return;
    const capture = this.current ?? this.startCapture();
    for (const record of records) {
      this.pending.push(record);
      this.pendingChars += record.bytes;
      if (this.pendingTimes.first === '') this.pendingTimes.first = record.timeText;
      this.pendingTimes.last = record.timeText;
      capture.heard += 1;
      capture.lastSeq = record.seq;
      // Chunks stay bounded however large the batch: a chunk is what a row or a History read decodes.
      if (this.pending.length >= CHUNK_EVENTS || this.pendingChars >= CHUNK_CHARS) this.writePending();
    }
    this.patch({ pendingEvents: this.recording.pendingEvents + records.length });
    // The ring already dropped some of what waits: write now, so the deep window holds them at once.
    const dropped = this.pending.length > 0 && this.pending[0].seq < this.inspector.events.ringFirstSeq;
    if (dropped) this.writePending();
    else if (this.pending.length > 0 && this.timer === undefined) this.timer = setTimeout(() => this.writePending(), CHUNK_DELAY_MS);
  }

  private startCapture(): CurrentCapture {
    const state = this.inspector.store.getState();
    const origin = this.nextOrigin ?? liveOriginOf(state.connection);
    const subscriptions = origin.source === 'live' ? subscriptionOutcomes(state.subscriptions, this.now()) : [];
    const meta = newCaptureMeta(origin, subscriptions, this.now());
    const id = this.db.create({ ...meta });
    const capture: CurrentCapture = { meta, id, heard: 0, lastSeq: 0, gaps: new Map(), tables: new CaptureTables() };
    this.current = capture;
    void id.then(
      (captureId) => {
        if (this.current === capture) this.patch({ captureId });
      },
      (error: unknown) => this.fail(error),
    );
    return capture;
  }

  /** Store changes a capture keeps: subscription outcomes, gaps, and the end of a live session. */
  private follow(next: InspectorState, prev: InspectorState): void {
    const capture = this.suspended ? null : this.current;
    if (next.gaps !== prev.gaps) {
      for (const gap of next.gaps) {
        const index = capture?.gaps.get(gap.id);
        if (capture && index !== undefined) {
          capture.meta.gaps[index] = { ...storedGapOf(gap, capture.meta.gaps[index].afterEvent), reason: capture.meta.gaps[index].reason };
        } else if (capture && !this.seenGaps.has(gap.id)) {
          const afterEvent = Math.max(0, capture.heard - Math.max(0, capture.lastSeq - gap.afterSeq));
          capture.gaps.set(gap.id, capture.meta.gaps.length);
          capture.meta.gaps.push(storedGapOf(gap, afterEvent));
        }
        this.seenGaps.add(gap.id);
      }
      if (capture) this.saveMeta(capture);
    }
    if (capture && capture.meta.source === 'live' && next.subscriptions !== prev.subscriptions) {
      const outcomes = newOutcomes(prev.subscriptions, next.subscriptions, this.now());
      if (outcomes.length > 0) {
        capture.meta.subscriptions.push(...outcomes);
        this.saveMeta(capture);
      }
    }
    const status = next.connection.status;
    const sessionOver = status === 'closed' || status === 'idle' || status === 'error' || status === 'checking';
    if (capture?.meta.source === 'live' && status !== prev.connection.status && sessionOver) this.endCapture();
  }

  private writePending(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const capture = this.current;
    if (!capture || this.pending.length === 0) return;
    const records = this.pending;
    const times = this.pendingTimes;
    this.pending = [];
    this.pendingChars = 0;
    this.pendingTimes = { first: '', last: '' };
    const prepared = prepareChunk(records, capture.heard - records.length, capture.tables);
    // The timeline reaches these events from disk once the ring drops them (the deep window), from now on.
    const actions = this.inspector.store.getState().actions;
    const provisional = actions.recordingChunk(prepared.entry, records);
    this.writing.add(provisional);
    this.enqueue(async () => {
      const captureId = await capture.id;
      const encoded = await encodePreparedChunk(prepared, captureId);
      const stored = encoded.storedBytes;
      const meta = capture.meta;
      const counters: Partial<CaptureMeta> = {
        events: meta.events + records.length,
        rawBytes: meta.rawBytes + encoded.rawBytes,
        storedBytes: meta.storedBytes + stored,
        firstTime: meta.firstTime || times.first,
        lastTime: times.last,
        endedAt: new Date(this.now()).toISOString(),
        subscriptions: meta.subscriptions,
        gaps: meta.gaps,
      };
      const chunk = {
        captureId,
        firstEvent: prepared.firstEvent,
        count: records.length,
        rawBytes: encoded.rawBytes,
        storedBytes: stored,
        codec: encoded.codec,
        data: encoded.data,
      };
      const rowId = await this.db.appendChunk(chunk, { ...prepared.index, captureId }, encoded.headers, encoded.keys, counters);
      actions.recordedChunk(provisional, rowId);
      this.writing.delete(provisional);
      Object.assign(meta, counters);
      this.totalStored += stored;
      if (this.current === capture) {
        const recording = this.recording;
        this.patch({
          writtenEvents: recording.writtenEvents + records.length,
          storedBytes: recording.storedBytes + stored,
          rawBytes: recording.rawBytes + encoded.rawBytes,
          pendingEvents: Math.max(0, recording.pendingEvents - records.length),
        });
      }
      await this.applyCap();
    });
  }

  private async applyCap(): Promise<void> {
    const cap = this.state.getState().list.capBytes;
    if (this.totalStored <= cap) return;
    const evicted = await this.db.evictOldest(this.totalStored - cap);
    this.totalStored -= evicted.storedBytes;
    this.inspector.store.getState().actions.recordedChunksDeleted(evicted.chunkIds);
    if (this.current) {
      const fresh = await this.db.get(await this.current.id);
      if (fresh) Object.assign(this.current.meta, { evicted: fresh.evicted, storedBytes: fresh.storedBytes, rawBytes: fresh.rawBytes });
    }
    this.patch({ evicted: this.recording.evicted + evicted.events });
  }

  private saveMeta(capture: CurrentCapture): void {
    this.enqueue(async () => {
      await this.db.update(await capture.id, {
        subscriptions: capture.meta.subscriptions,
        gaps: capture.meta.gaps,
        ended: capture.meta.ended,
        endedAt: capture.meta.endedAt,
      });
    });
  }

  private endCapture(): void {
    const capture = this.current;
    if (!capture) return;
    this.writePending();
    capture.meta.ended = true;
    capture.meta.endedAt = new Date(this.now()).toISOString();
    this.saveMeta(capture);
    this.current = null;
    this.patch({ captureId: 0, pendingEvents: 0 });
  }

  /** Writes run one after another; after a failure nothing more is written. */
  private enqueue(write: () => Promise<void>): void {
    this.chain = this.chain.then(() => (this.recording.error === '' ? write() : undefined)).catch((error: unknown) => this.fail(error));
  }

  private fail(error: unknown): void {
    // Chunks not acknowledged are not on disk: the deep window forgets them.
    for (const provisional of this.writing) this.inspector.store.getState().actions.recordingChunkFailed(provisional);
    this.writing.clear();
    const written = this.recording.writtenEvents;
    const message = isQuotaError(error)
      ? `Recording stopped: the browser's storage quota is full (QuotaExceededError) after ${written} events written. The events in memory are all still here; delete captures or lower the size cap, then tick Record to disk again.`
      : `Recording stopped: a write to the browser's database failed (${error instanceof Error ? error.message : String(error)}). The events in memory are all still here.`;
    this.pending = [];
    this.current = null;
    this.stopListening.forEach((stop) => stop());
    this.stopListening = [];
    this.patch({ enabled: false, captureId: 0, pendingEvents: 0, error: message });
  }
}
