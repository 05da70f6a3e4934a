import { objectKeyOf } from './event-record';
import { highlightOf, summaryOf } from './change-summaries';
import type { ChangeSummary, RowHighlight } from './change-summaries';
import { DisplayNames } from './display-names';
import type { DiskTier, HeaderRecord } from './disk-tier';
import type { EventBuffer, PreviousVersion } from './event-buffer';
import { EventDiffs } from './event-diffs';
import type { DiffBase, EventDiff } from './event-diffs';
import type { EventRecord } from './event-record';
import { adjacentVersion, blameOf, versionsOf } from './object-history';
import type { Blame, ObjectVersions, VersionChange } from './object-history';
import type { ObjectEntry } from './object-index';

export type { PreviousVersion } from './event-buffer';

/** The part of the store's state that bounds what a timeline shows. */
export interface PauseState {
  paused: boolean;
  pausedAtSeq: number;
}

/**
 * Read access to one store's buffered events, handed out beside the store by `createInspectorStore`.
 * Views read rows through it while they subscribe to `revision` (or a narrower value) in the store:
 * the ring never enters React state (CONTRIBUTING.md, house rule 3). Only the store's ingest path
 * writes the buffer (house rule 2); this object cannot.
 */
export class EventReader {
  private readonly buffer: EventBuffer;
  private readonly pauseState: () => PauseState;
  private readonly diffs: EventDiffs;
  private readonly ingestListeners = new Set<(records: readonly EventRecord[]) => void>();
  /** Machine, job and lease names, learned from the headers at ingest (display-names.ts). */
  readonly displayNames: DisplayNames;

  constructor(buffer: EventBuffer, pauseState: () => PauseState, names: DisplayNames = new DisplayNames()) {
    this.buffer = buffer;
    this.pauseState = pauseState;
    this.diffs = new EventDiffs(buffer);
    this.displayNames = names;
  }

  /**
   * Hears the records each batched flush appended, oldest first, right after the flush (a capture
   * written to disk follows the ring this way). Returns the unsubscribe.
   */
  onIngest(listener: (records: readonly EventRecord[]) => void): () => void {
    this.ingestListeners.add(listener);
    return () => this.ingestListeners.delete(listener);
  }

  /** Called by the store's ingest path only (inspector-store.ts). */
  notifyIngested(records: readonly EventRecord[]): void {
    if (records.length === 0) return;
    for (const listener of this.ingestListeners) listener(records);
  }

  /** The event's header record (its frame text is `record.raw`); undefined once it left the buffer. */
  record(seq: number): EventRecord | undefined {
    return this.buffer.get(seq);
  }

  /** The event's `Object`, parsed on first use (small LRU); undefined if the record is gone. */
  object(seq: number): unknown {
    return this.buffer.payloadOf(seq)?.object;
  }

  /** The event's `Original` (null when the server sent none); undefined if the record is gone. */
  original(seq: number): unknown {
    return this.buffer.payloadOf(seq)?.original;
  }

  /**
   * The previous event of the same Type+Key: `first` (none in this buffer's history), `evicted` (there
   * was one, `seq`, but the ring dropped it) or `found`. Undefined when `seq` itself is not buffered.
   */
  previousVersion(seq: number): PreviousVersion | undefined {
    return this.buffer.previousVersion(seq);
  }

  /**
   * The seqs a timeline shows, inclusive. While paused it stops at `pausedAtSeq`. Empty when
   * `last < first` (then `last - first + 1 === 0`, so the count formula needs no special case).
   */
  seqRange(): { first: number; last: number } {
    const { buffer } = this;
    const { paused, pausedAtSeq } = this.pauseState();
    const first = buffer.deepFirstSeq;
    const last = paused ? Math.min(pausedAtSeq, buffer.lastSeq) : buffer.lastSeq;
    return { first, last: Math.max(last, first - 1) };
  }

  /** Visits buffered records with `from <= seq <= to`, oldest first (the ring only). */
  forEachRecord(from: number, to: number, visit: (record: EventRecord) => void): void {
    this.buffer.forEachInRange(from, to, visit);
  }

  /** The deep window: events recorded to disk that the ring no longer holds (disk-tier.ts). */
  get disk(): Pick<DiskTier, 'index'> {
    return this.buffer.disk;
  }

  /** Seq of the ring's oldest event: older seqs are on disk or gone. */
  get ringFirstSeq(): number {
    return this.buffer.firstSeq;
  }

  /** Asks for event `seq` on disk to be read back (a row or the detail pane about to show it); batched, no-op otherwise. */
  want(seq: number): void {
    if (this.buffer.reading(seq)) this.buffer.disk.request(seq);
  }

  /** Reads events on disk back (at most a few dozen chunks); resolves when they are readable. */
  readBack(seqs: readonly number[]): Promise<ReadonlyMap<number, EventRecord>> {
    return this.buffer.disk.ensure(seqs);
  }

  /** Whether `seq` is on disk and being read back (a row or the detail pane says so meanwhile). */
  reading(seq: number): boolean {
    return this.buffer.reading(seq);
  }

  /** The diff of event `seq` against `base`, computed once per (seq, base) while cached. */
  diff(seq: number, base: Exclude<DiffBase, 'version'>): EventDiff {
    return this.diffs.diff(seq, base);
  }

  /** From version `baseSeq` to version `seq` of the same object (History's Compare); either may be newer. */
  diffBetween(baseSeq: number, seq: number): EventDiff {
    return this.diffs.diffBetween(baseSeq, seq);
  }

  /** Every positional path event `seq` changed (the header's list, or a diff when it was capped). */
  changedPaths(seq: number): readonly string[] {
    return this.diffs.changedPaths(seq);
  }

  /**
   * A timeline row's summary, from the changes its header carries (no parse); with a `Changed path`
   * pattern, the change at that path.
   */
  changeSummary(seq: number, pathPattern = ''): ChangeSummary {
    return summaryOf(this.buffer, seq, pathPattern);
  }

  /** What makes the row stand out (failed job, machine no longer Runnable, delete); see change-summaries.ts. */
  highlight(seq: number): RowHighlight | undefined {
    const record = this.buffer.header(seq);
    return record ? highlightOf(record) : undefined;
  }

  /** The header fields of `seq` without its frame text (History rows): ring, decoded chunk or headers read from disk. */
  header(seq: number): HeaderRecord | undefined {
    return this.buffer.header(seq);
  }

  /** A version's action and principal from the disk index alone ('' when not on disk). */
  indexedAction(seq: number): string {
    return this.buffer.disk.index.actionAt(seq);
  }

  indexedPrincipal(seq: number): string {
    return this.buffer.disk.index.principalAt(seq);
  }

  /** Reads the stored headers of versions on disk (History), not their events; resolves when they are readable. */
  readHeaders(seqs: readonly number[]): Promise<void> {
    return this.buffer.disk.ensureHeaders(seqs);
  }

  /** The object `seq` is a version of (its counts and latest facts); undefined once `seq` left the ring. */
  objectOf(seq: number): ObjectEntry | undefined {
    return this.buffer.objectOf(seq);
  }

  /** An object by Type and Key, while it has a buffered version. */
  objectByKey(type: string, key: string): ObjectEntry | undefined {
    const entry = this.buffer.objectById(objectKeyOf(type, key));
    return entry && entry.buffered > 0 ? entry : undefined;
  }

  /** Objects with at least one buffered version, in first-seen order (the Objects view). */
  forEachObject(visit: (entry: ObjectEntry) => void): void {
    this.buffer.forEachObject(visit);
  }

  /** Number of objects with a buffered version. */
  get objectCount(): number {
    if (this.buffer.disk.index.size === 0) return this.buffer.objectIndex.liveCount;
    let count = 0;
    this.buffer.forEachObject(() => (count += 1));
    return count;
  }

  /** Every buffered version of the object `seq` belongs to, newest first, and how many were evicted. */
  versions(seq: number): ObjectVersions | undefined {
    return versionsOf(this.buffer, seq);
  }

  /** The next older or newer buffered version of the same object (`[` and `]`). */
  adjacentVersion(seq: number, direction: 'older' | 'newer'): number | undefined {
    return adjacentVersion(this.buffer, seq, direction);
  }

  /** Each leaf of version `seq` with the buffered version that last changed it (parses `seq` only). */
  blame(seq: number, known?: ReadonlyMap<number, VersionChange>): Blame | undefined {
    return blameOf(this.buffer, seq, this.object(seq), (versionSeq) => this.changedPaths(versionSeq), known);
  }
}
