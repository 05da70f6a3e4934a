import type { EventBuffer, PreviousVersion } from './event-buffer';
import { EventDiffs } from './event-diffs';
import type { ChangeSummary, DiffBase, EventDiff, RowHighlight } from './event-diffs';
import type { DisplayNames } from './display-names';
import type { EventRecord } from './event-record';

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

  constructor(buffer: EventBuffer, pauseState: () => PauseState) {
    this.buffer = buffer;
    this.pauseState = pauseState;
    this.diffs = new EventDiffs(buffer);
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
    const first = buffer.firstSeq;
    const last = paused ? Math.min(pausedAtSeq, buffer.lastSeq) : buffer.lastSeq;
    return { first, last: Math.max(last, first - 1) };
  }

  /** Visits buffered records with `from <= seq <= to`, oldest first. */
  forEachRecord(from: number, to: number, visit: (record: EventRecord) => void): void {
    this.buffer.forEachInRange(from, to, visit);
  }

  /** The diff of event `seq` against `base`, computed once per (seq, base) while cached. */
  diff(seq: number, base: DiffBase): EventDiff {
    return this.diffs.diff(seq, base);
  }

  /** A timeline row's summary if already computed; undefined means "not yet". */
  peekChangeSummary(seq: number): ChangeSummary | undefined {
    return this.diffs.peekChangeSummary(seq);
  }

  /** A timeline row's summary, computed on first call (it parses the event) and cached by seq. */
  changeSummary(seq: number): ChangeSummary {
    return this.diffs.changeSummary(seq);
  }

  /** What makes the row stand out (failed job, machine no longer Runnable, delete); see event-diffs.ts. */
  highlight(seq: number): RowHighlight | undefined {
    return this.diffs.highlight(seq);
  }

  /** Machine and job names learned from parsed objects (display-names.ts), for every view that shows a Key. */
  get displayNames(): DisplayNames {
    return this.diffs.names;
  }
}
