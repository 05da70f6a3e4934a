import type { CaptureImportHandle } from '../connection/start-capture-import';
import type { CaptureMarker } from '../lib/capture-import/import-types';
import { CaptureDatabase } from '../lib/capture-storage/capture-database';
import { captureFile } from './capture-file';
import { chunkLoaderOf, reopenFromDisk } from './capture-reopen';
import { importIntoStore } from './capture-import-run';
import type { ImportEnd } from './capture-import-run';
import { CaptureRecorder } from './capture-recorder';
import { DEFAULT_CAP_BYTES, createCaptureState } from './capture-state';
import type { CaptureStateStore, OpenedCapture } from './capture-state';
import type { Inspector } from './inspector-store';

/** Not secret, remembered without asking: whether Record to disk is on, and the size cap. */
const RECORD_KEY = 'drp-inspector.record-to-disk';
const CAP_KEY = 'drp-inspector.capture-cap-bytes';

type OpenSource = { kind: 'file'; file: Blob; name: string } | { kind: 'stored'; id: number; name: string };

function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or a full storage: the choice lasts for this page only.
  }
}

/** Longest a reopen after a reload holds a connect. */
const RESTORE_HOLD_MS = 5000;

const LIVE_STATUSES = new Set(['checking', 'connecting', 'open', 'reconnecting']);

/**
 * Captures: Import and reopen (both replace the buffer, as opening a file does in Wireshark; the
 * user confirms when that would drop buffered events or a connection), Record to disk, and the
 * stored captures' list. One per inspector store (capture-context.ts).
 */
export class CaptureController {
  readonly state: CaptureStateStore;
  private readonly db = new CaptureDatabase();
  private readonly recorder: CaptureRecorder;
  private pending: OpenSource | null = null;
  private running: CaptureImportHandle | null = null;

  constructor(private readonly inspector: Inspector) {
    const cap = Number(remembered(CAP_KEY));
    this.state = createCaptureState(Number.isFinite(cap) && cap > 0 ? cap : DEFAULT_CAP_BYTES);
    this.recorder = new CaptureRecorder(this.db, inspector, this.state);
    const actions = inspector.store.getState().actions;
    actions.setChunkLoader(chunkLoaderOf(this.db));
    if (remembered(RECORD_KEY) === '1') {
      // Preserve log across reloads: the capture recorded before comes back first, live events after it.
      const restored = this.restoreLatest();
      // A database that never answers must not hold Connect for ever.
      actions.holdConnects(Promise.race([restored, new Promise((resolve) => setTimeout(resolve, RESTORE_HOLD_MS))]));
      // Unless the user unticked it meanwhile.
      void restored.then(() => {
        if (remembered(RECORD_KEY) === '1') this.recorder.setEnabled(true);
      });
    }
  }

  /**
   * After a reload with Record to disk on, the newest capture reopens from disk (its events stay
   * there; the deep window reads them on demand), unless the buffer already holds events.
   */
  private async restoreLatest(): Promise<void> {
    try {
      const latest = (await this.db.list()).at(-1);
      if (!latest?.id || latest.events - latest.evicted === 0 || this.inspector.store.getState().buffered > 0) return;
      const opened = await reopenFromDisk(this.inspector, this.db, latest.id);
      if (opened) this.state.setState({ opened });
    } catch {
      // No usable database (private mode, blocked): start empty, as without Record to disk.
    }
  }

  /** Import (a chosen or dropped file) or reopen a stored capture; asks first when something would go. */
  requestOpen(source: OpenSource): void {
    if (this.running) return;
    const state = this.inspector.store.getState();
    const connected = LIVE_STATUSES.has(state.connection.status);
    if (state.buffered === 0 && !connected) {
      void this.open(source);
      return;
    }
    this.pending = source;
    const recorded = this.state.getState().recording.enabled;
    this.state.setState({ pendingOpen: { name: source.name, buffered: state.buffered, connected, recorded } });
  }

  confirmOpen(): void {
    const source = this.pending;
    this.cancelOpen();
    if (source) void this.open(source);
  }

  cancelOpen(): void {
    this.pending = null;
    this.state.setState({ pendingOpen: null });
  }

  cancelImport(): void {
    this.running?.cancel();
  }

  setRecording(enabled: boolean): void {
    remember(RECORD_KEY, enabled ? '1' : '0');
    this.recorder.setEnabled(enabled);
  }

  setCapBytes(capBytes: number): void {
    if (!Number.isFinite(capBytes) || capBytes <= 0) return;
    remember(CAP_KEY, String(Math.round(capBytes)));
    this.state.setState((state) => ({ list: { ...state.list, capBytes: Math.round(capBytes) } }));
  }

  /** Reads the stored captures and the storage estimate (after pending writes are acknowledged). */
  async refreshList(): Promise<void> {
    await this.recorder.settled();
    const captures = (await this.db.list()).reverse();
    let usage: number | null = null;
    let quota: number | null = null;
    try {
      const estimate = await navigator.storage.estimate();
      usage = estimate.usage ?? null;
      quota = estimate.quota ?? null;
    } catch {
      // No StorageManager (an insecure origin): the list still works.
    }
    this.state.setState((state) => ({ list: { ...state.list, captures, usage, quota } }));
  }

  async rename(id: number, name: string): Promise<void> {
    if (name.trim() === '') return;
    await this.db.update(id, { name: name.trim() });
    await this.refreshList();
  }

  async remove(id: number): Promise<void> {
    if (id === this.state.getState().recording.captureId) this.recorder.beginOpen(null);
    await this.recorder.settled();
    // Its chunks leave the deep window too, if the timeline reaches them.
    const rowIds = (await this.db.indexOf(id)).map((row) => row.id);
    await this.db.delete(id);
    this.inspector.store.getState().actions.recordedChunksDeleted(rowIds);
    this.recorder.endOpen();
    await this.refreshList();
  }

  /** The capture as a JSON Lines file with its markers (docs/reference/capture-format.md). */
  async exportFile(id: number): Promise<{ blob: Blob; fileName: string } | null> {
    await this.recorder.settled();
    const file = await captureFile(this.db, id);
    if (!file) return null;
    const safe = file.meta.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '');
    return { blob: file.blob, fileName: `${safe || 'capture'}.jsonl` };
  }

  private async open(source: OpenSource): Promise<void> {
    const { store } = this.inspector;
    const actions = store.getState().actions;
    await this.disconnected();
    actions.resume();
    actions.clear();
    store.setState({ gaps: [] });
    let blob: Blob;
    if (source.kind === 'stored') {
      this.recorder.beginOpen(null);
      await this.recorder.settled();
      const reopened = await reopenFromDisk(this.inspector, this.db, source.id);
      if (reopened) {
        this.recorder.endOpen();
        this.state.setState({ opened: reopened, importing: null });
        return;
      }
      // Written before chunks had index rows: read it back through the import path instead.
      const file = await captureFile(this.db, source.id);
      if (!file) {
        this.recorder.endOpen();
        return;
      }
      blob = file.blob;
    } else {
      this.recorder.beginOpen({ source: 'imported', from: source.name, endpoint: '', user: '' });
      blob = source.file;
    }
    const opened: OpenedCapture = {
      name: source.name,
      kind: source.kind,
      status: 'done',
      events: 0,
      summary: null,
      message: '',
      endpoint: '',
      user: '',
      subscriptions: [],
      gaps: 0,
    };
    this.state.setState({ opened: null, importing: { name: source.name, bytesRead: 0, totalBytes: blob.size, events: 0 } });
    this.running = importIntoStore(this.inspector, blob, {
      onProgress: (bytesRead, totalBytes, events) =>
        this.state.setState({ importing: { name: source.name, bytesRead, totalBytes, events } }),
      onMarker: (marker) => this.noteMarker(opened, marker),
      onEnd: (end) => this.ended(opened, end),
    });
  }

  private noteMarker(opened: OpenedCapture, marker: CaptureMarker): void {
    if (marker.kind === 'capture') {
      opened.endpoint = marker.endpoint ?? '';
      opened.user = marker.user ?? '';
      this.recorder.noteImportedOrigin(marker.endpoint, marker.user);
    } else if (marker.kind === 'subscription') {
      const item = { spec: marker.spec, at: marker.at, state: marker.state };
      opened.subscriptions.push(item);
      this.recorder.noteSubscription(item);
    } else if (marker.kind === 'gap') opened.gaps += 1;
  }

  private ended(opened: OpenedCapture, end: ImportEnd): void {
    this.running = null;
    this.recorder.endOpen();
    const result: OpenedCapture = { ...opened, status: end.status, events: end.events };
    if (end.status === 'done') result.summary = end.summary;
    if (end.status === 'failed') result.message = end.message;
    this.state.setState({ importing: null, opened: result });
  }

  /** Opening replaces a live session: wait until the socket is really closed, so its gap is not placed among the opened events. */
  private async disconnected(): Promise<void> {
    const { store } = this.inspector;
    if (!LIVE_STATUSES.has(store.getState().connection.status)) return;
    store.getState().actions.disconnect();
    await new Promise<void>((resolve) => {
      const done = (): void => {
        stop();
        clearTimeout(timer);
        resolve();
      };
      const stop = store.subscribe((state) => {
        if (!LIVE_STATUSES.has(state.connection.status)) done();
      });
      // A socket that never reports its close must not hold the import forever.
      const timer = setTimeout(done, 3000);
      if (!LIVE_STATUSES.has(store.getState().connection.status)) done();
    });
  }
}
