import { createStore } from 'zustand/vanilla';
import { ingestFrameOf } from '../connection/frame-text';
import type { IngestFrame } from '../connection/frame-text';
import { receiveBinaryFrame, receiveTextFrame } from '../connection/received-frame';
import type { ReconnectPolicyOptions } from '../connection/reconnect-policy';
import { VersionTracker } from '../connection/version-tracker';
import type { DrpAck } from '../protocol/event';
import { compileFilter } from '../protocol/filter';
import type { CompiledFilter } from '../protocol/filter';
import { pruneEvictedGaps } from './connection-gaps';
import { DisplayNames } from './display-names';
import { EventBuffer } from './event-buffer';
import { EventReader } from './event-reader';
import type { EventRecord } from './event-record';
import { IngestBatcher, createAnimationFrameScheduler } from './ingest-batcher';
import type { FlushScheduler } from './ingest-batcher';
import { ACK_TIMEOUT_MS, DEFAULT_CAPACITY, FRAME_ERROR_LIMIT, MAX_CAPACITY, MIN_CAPACITY } from './inspector-state';
import type { Counters, FrameError, InspectorState, InspectorStore } from './inspector-state';
import { browserNetwork } from './network-deps';
import type { NetworkDeps } from './network-deps';
import { SessionController } from './session-controller';
import { applyAcks } from './subscription-commands';
import { addCounts } from './subscription-registry';
import { INITIAL_VIEW } from './view-state';

export type { InspectorState, InspectorStore } from './inspector-state';

export interface InspectorStoreOptions {
  capacity?: number;
  /** When batched frames are flushed; default: next animation frame (with a timer fallback). */
  scheduler?: FlushScheduler;
  now?: () => number;
  network?: Partial<NetworkDeps>;
  ackTimeoutMs?: number;
  /** Reconnect backoff (tests inject `random` or shorter delays). */
  reconnectPolicy?: Partial<ReconnectPolicyOptions>;
}

const ZERO_COUNTERS: Counters = { received: 0, evicted: 0, malformed: 0, acks: 0, pendingWhilePaused: 0, unattributed: 0, reconnects: 0 };

/** One store and the reader of its buffered events, handed down together through React context. */
export interface Inspector {
  store: InspectorStore;
  events: EventReader;
}

/**
 * Creates one inspector store: a zustand vanilla store (one per app, a fresh one per test) handed
 * down through React context. Events live in an `EventBuffer` beside the state, read through
 * `events`; the state only carries a `revision` bumped once per batched flush plus small UI values
 * (CONTRIBUTING.md, house rule 3).
 */
export function createInspectorStore(options: InspectorStoreOptions = {}): Inspector {
  const now = options.now ?? Date.now;
  // A chunk read back from disk (the deep window) moves the revision, so views re-read their rows.
  const buffer = new EventBuffer(clampCapacity(options.capacity ?? DEFAULT_CAPACITY), () =>
    store.setState((state) => ({ revision: state.revision + 1 })),
  );
  const network: NetworkDeps = { ...browserNetwork, ...options.network };
  const compiledFilters = new Map<string, CompiledFilter | null>();
  const rateWindow = { at: now(), received: 0 };
  /** For frames classified here (`ingestFrame`: tests, tools); socket frames come classified. */
  const versions = new VersionTracker();
  const names = new DisplayNames();
  const compiled = (spec: string): CompiledFilter | null => {
    let filter = compiledFilters.get(spec);
    if (filter === undefined) {
      filter = compileFilter(spec);
      compiledFilters.set(spec, filter);
    }
    return filter;
  };

  /** Gaps whose preceding events all left the ring mark nothing any more; they go with them. */
  const liveGaps = (gaps: InspectorState['gaps']): InspectorState['gaps'] => pruneEvictedGaps(gaps, buffer.deepFirstSeq);

  /** A capture being reopened after a reload holds connects, so live events come after it (capture-controller.ts). */
  let connectGate: Promise<void> | null = null;

  const store: InspectorStore = createStore<InspectorState>()((set, get) => ({
    revision: 0,
    counters: ZERO_COUNTERS,
    ratePerSecond: 0,
    capacity: buffer.capacity,
    buffered: 0,
    paused: false,
    pausedAtSeq: 0,
    selectedSeq: 0,
    frameErrors: [],
    connection: { status: 'idle', endpoint: '', httpBase: '', wsUrl: '', serverVersion: '', user: '', authMode: 'none', tokenMask: '' },
    subscriptions: [],
    gaps: [],
    view: INITIAL_VIEW,
    actions: {
      ingestFrames: (frames) => batcher.addAll(frames),
      ingestFrame: (text) => batcher.add(ingestFrameOf(receiveTextFrame(text, versions))),
      ingestBinaryFrame: (bytes) => batcher.add(ingestFrameOf(receiveBinaryFrame(bytes))),
      flush: () => batcher.flush(),
      pause: () => {
        if (get().paused) return;
        set({ paused: true, pausedAtSeq: buffer.lastSeq, counters: { ...get().counters, pendingWhilePaused: 0 } });
      },
      resume: () => {
        if (!get().paused) return;
        set((state) => ({
          paused: false,
          revision: state.revision + 1,
          counters: { ...state.counters, pendingWhilePaused: 0 },
        }));
      },
      clear: () => {
        buffer.clear();
        set((state) => ({
          revision: state.revision + 1,
          buffered: 0,
          selectedSeq: 0,
          pausedAtSeq: buffer.lastSeq,
          counters: { ...state.counters, pendingWhilePaused: 0 },
          gaps: liveGaps(state.gaps),
        }));
      },
      setCapacity: (capacity) => {
        if (!Number.isInteger(capacity) || capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) return;
        if (capacity === buffer.capacity) return;
        const dropped = buffer.setCapacity(capacity);
        set((state) => ({
          capacity,
          revision: state.revision + 1,
          buffered: buffer.size,
          counters: dropped > 0 ? { ...state.counters, evicted: state.counters.evicted + dropped } : state.counters,
          gaps: liveGaps(state.gaps),
        }));
      },
      // The selection may outlive its record (evicted while the user reads it); the detail pane says so.
      select: (seq) => {
        const selectedSeq = Number.isInteger(seq) && seq > 0 ? seq : 0;
        const { view } = get();
        // Compare stays while stepping through one object's versions (git diff A..B), not across objects.
        const keepBase = view.compareBaseSeq === 0 || buffer.objectKeyAt(view.compareBaseSeq) === buffer.objectKeyAt(selectedSeq);
        set(keepBase ? { selectedSeq } : { selectedSeq, view: { ...view, compareBaseSeq: 0 } });
      },
      setView: (patch) => set((state) => ({ view: { ...state.view, ...patch } })),
      tickRate: (at = now()) => {
        const { received } = get().counters;
        const elapsedMs = at - rateWindow.at;
        if (elapsedMs <= 0) return;
        const rate = Math.max(0, Math.round(((received - rateWindow.received) * 1000) / elapsedMs));
        rateWindow.at = at;
        rateWindow.received = received;
        if (rate !== get().ratePerSecond) set({ ratePerSecond: rate });
      },
      connect: (request) => (connectGate ? connectGate.then(() => session.connect(request)) : session.connect(request)),
      holdConnects: (until) => {
        const gate = until.then(
          () => {
            if (connectGate === gate) connectGate = null;
          },
          () => {
            if (connectGate === gate) connectGate = null;
          },
        );
        connectGate = gate;
      },
      disconnect: () => session.disconnect(),
      reconnectNow: () => session.reconnectNow(),
      register: (spec) => session.register(spec),
      deregister: (spec) => session.deregister(spec),
      recordingChunk: (entry, records) => buffer.addRecording(entry, records),
      recordedChunk: (provisional, rowId) => {
        if (provisional !== 0) buffer.disk.written(provisional, rowId);
      },
      recordingChunkFailed: (provisional) => {
        if (provisional === 0) return;
        buffer.disk.unwritten(provisional);
        set((state) => ({ revision: state.revision + 1 }));
      },
      recordedChunksDeleted: (rowIds) => {
        buffer.disk.drop(rowIds);
        set((state) => ({ revision: state.revision + 1, gaps: liveGaps(state.gaps) }));
      },
      openRecorded: (load, chunks, events) => {
        buffer.disk.setLoader(load);
        const first = buffer.openRecorded(chunks, events);
        set((state) => ({
          revision: state.revision + 1,
          buffered: 0,
          selectedSeq: 0,
          paused: false,
          pausedAtSeq: buffer.lastSeq,
          counters: { ...state.counters, pendingWhilePaused: 0 },
          gaps: [],
        }));
        return first;
      },
      setChunkLoader: (load) => buffer.disk.setLoader(load),
      loadDemoConfig: () => network.fetchDemoConfig(),
      dispose: () => {
        batcher.dispose();
        session.dispose();
      },
    },
  }));

  /**
   * Appends one batch of pre-classified frames (nothing is parsed here: the socket worker did that)
   * and publishes it with a single `set` (one revision bump, one render).
   */
  const flushBatch = (batch: IngestFrame[]): void => {
    const state = store.getState();
    const receivedAt = now();
    const subscriptions = state.subscriptions;
    const filters = subscriptions.map((item) => compiled(item.spec));
    const counts = new Array<number>(subscriptions.length).fill(0);
    const acks: DrpAck[] = [];
    const errors: FrameError[] = [];
    let received = 0;
    let evicted = 0;
    let unattributed = 0;
    const appendedRecords: EventRecord[] = [];

    for (const frame of batch) {
      if (frame.kind === 'error') {
        errors.push({ at: receivedAt, reason: frame.reason, preview: frame.preview, bytes: frame.bytes });
        continue;
      }
      if (frame.kind === 'ack') {
        // Acks go to the subscription tracker, never into the ring (docs/reference/drp-protocol.md §3.4 step 1).
        acks.push(frame.ack);
        continue;
      }
      const event = frame.header;
      const appended = buffer.append(event, frame.text, frame.bytes, receivedAt);
      appendedRecords.push(appended.record);
      names.noteFacts(event.Type, event.Key, event.facts);
      received += 1;
      if (appended.evicted) evicted += 1;
      let matched = false;
      for (let i = 0; i < filters.length; i += 1) {
        // The header carries Type/Action/Key and the job links a jobs spec reads (received-frame.ts).
        if (filters[i]?.test(event)) {
          counts[i] = (counts[i] ?? 0) + 1;
          matched = true;
        }
      }
      if (!matched) unattributed += 1;
    }

    // Listeners first (Record to disk indexes what the ring just dropped), then the views see the batch.
    events.notifyIngested(appendedRecords);
    const nextSubscriptions = applyAcks(addCounts(subscriptions, counts), acks);
    const counters = state.counters;
    store.setState({
      revision: state.revision + 1,
      buffered: buffer.size,
      counters: {
        received: counters.received + received,
        evicted: counters.evicted + evicted,
        malformed: counters.malformed + errors.length,
        acks: counters.acks + acks.length,
        pendingWhilePaused: counters.pendingWhilePaused + (state.paused ? received : 0),
        unattributed: counters.unattributed + unattributed,
        reconnects: counters.reconnects,
      },
      subscriptions: nextSubscriptions,
      frameErrors: errors.length > 0 ? [...state.frameErrors, ...errors].slice(-FRAME_ERROR_LIMIT) : state.frameErrors,
      gaps: evicted > 0 ? liveGaps(state.gaps) : state.gaps,
    });
    if (acks.length > 0) session.afterAcks();
  };

  const events = new EventReader(buffer, () => store.getState(), names);
  const batcher = new IngestBatcher<IngestFrame>(options.scheduler ?? createAnimationFrameScheduler(), flushBatch);
  const session: SessionController = new SessionController(store, {
    network,
    now,
    ackTimeoutMs: options.ackTimeoutMs ?? ACK_TIMEOUT_MS,
    reconnectPolicy: options.reconnectPolicy,
    onSessionStart: () => {
      // "Received since connect": a new session restarts the counters, not the buffer.
      store.setState((state) => ({
        counters: { ...ZERO_COUNTERS, pendingWhilePaused: state.counters.pendingWhilePaused },
        ratePerSecond: 0,
      }));
      rateWindow.at = now();
      rateWindow.received = 0;
    },
    flushIngest: () => batcher.flush(),
    lastSeq: () => buffer.lastSeq,
  });
  return { store, events };
}

function clampCapacity(capacity: number): number {
  if (!Number.isFinite(capacity)) return DEFAULT_CAPACITY;
  return Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, Math.round(capacity)));
}
