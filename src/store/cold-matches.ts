import type { EventRecord } from './event-record';
import type { CompiledTimelineFilter } from './timeline-filter';
import { upperBound } from '../lib/sorted-search';

/** What the timeline reads of the deep window (events recorded to disk the ring no longer holds). */
export interface DeepSource {
  /** Seq of the ring's oldest event: older ones are on disk or gone. */
  ringFirst(): number;
  has(seq: number): boolean;
  /** The stored chunk holding `seq` (its events are read back together); 0 if none. */
  chunkOf(seq: number): number;
  /** Recorded events with `from <= seq <= to`. */
  count(from: number, to: number): number;
  /** Moves when recorded events leave (cleared, deleted by the size cap, another capture opened). */
  epoch(): number;
  forEachIndexed(
    from: number,
    to: number,
    visit: (seq: number, type: string, key: string, action: string, principal: string) => void,
  ): void;
  /** The record if its chunk is read back, else undefined. */
  record(seq: number): EventRecord | undefined;
  /** Reads them back; resolves with those that could be read. */
  ensure(seqs: readonly number[]): Promise<ReadonlyMap<number, EventRecord>>;
}

/** Chunks read back per step of a search (well under the tier's cache), then the page gets the thread back. */
const SEARCH_STEP_CHUNKS = 8;

/** How far a search of the disk has come. */
export interface ColdSearchProgress {
  searched: number;
  candidates: number;
}

/**
 * The timeline's matches among events on disk, older than the ring. Facets and the followed
 * object are answered by the disk index at once; free text and `Changed path` need the events,
 * so those are read back chunk by chunk in the background, oldest first, and the matches grow as
 * the search goes (like a filter over a large capture in Wireshark). A new filter or capture
 * starts over; the old search stops at its next step.
 */
export class ColdMatches {
  private seqs: number[] = [];
  private start = 0;
  private generation = 0;
  private progressState: ColdSearchProgress | null = null;

  get count(): number {
    return this.seqs.length - this.start;
  }

  /** Null when nothing is being searched. */
  get progress(): ColdSearchProgress | null {
    return this.progressState;
  }

  seqAt(index: number): number {
    return this.seqs[this.start + index];
  }

  /** Matches with a seq <= `seq`. */
  rankOf(seq: number): number {
    return upperBound(this.seqs, seq, this.start) - this.start;
  }

  indexOf(seq: number): number {
    const rank = this.rankOf(seq);
    return rank > 0 && this.seqs[this.start + rank - 1] === seq ? rank - 1 : -1;
  }

  /** Drops matches below `first` (the oldest recorded events were deleted). */
  dropBelow(first: number): void {
    while (this.start < this.seqs.length && this.seqs[this.start] < first) this.start += 1;
  }

  /** Matches of `compiled` among recorded seqs `from..to`; `changed` is called as a background search finds more. */
  rebuild(deep: DeepSource | undefined, compiled: CompiledTimelineFilter, from: number, to: number, changed: () => void): void {
    this.generation += 1;
    this.seqs = [];
    this.start = 0;
    this.progressState = null;
    if (!deep || to < from) return;
    const candidates: number[] = [];
    deep.forEachIndexed(from, to, (seq, type, key, action, principal) => {
      if (!compiled.active || compiled.testIndexed(type, key, action, principal)) candidates.push(seq);
    });
    if (!compiled.needsRecord) {
      this.seqs = candidates;
      return;
    }
    this.progressState = { searched: 0, candidates: candidates.length };
    void this.search(deep, compiled, candidates, this.generation, changed);
  }

  private async search(
    deep: DeepSource,
    compiled: CompiledTimelineFilter,
    candidates: number[],
    generation: number,
    changed: () => void,
  ): Promise<void> {
    let at = 0;
    while (at < candidates.length) {
      const end = stepEnd(deep, candidates, at);
      const step = candidates.slice(at, end);
      // A chunk that cannot be read (deleted meanwhile, corrupt) is skipped: its events do not match.
      const read = await deep.ensure(step);
      if (generation !== this.generation) return;
      for (const seq of step) {
        const record = read.get(seq) ?? deep.record(seq);
        if (record && compiled.test(record)) this.seqs.push(seq);
      }
      at = end;
      this.progressState = { searched: at, candidates: candidates.length };
      changed();
    }
    if (generation !== this.generation) return;
    this.progressState = null;
    changed();
  }
}

/** Where the step that starts at `candidates[at]` ends: after SEARCH_STEP_CHUNKS chunks' candidates. */
function stepEnd(deep: DeepSource, candidates: readonly number[], at: number): number {
  let chunks = 0;
  let current = -1;
  let index = at;
  for (; index < candidates.length; index += 1) {
    const chunk = deep.chunkOf(candidates[index]);
    if (chunk !== current) {
      chunks += 1;
      if (chunks > SEARCH_STEP_CHUNKS) break;
      current = chunk;
    }
  }
  return index;
}
