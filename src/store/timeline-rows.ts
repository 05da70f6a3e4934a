import { gapsInRange } from './connection-gaps';
import type { ConnectionGap } from './connection-gaps';

export type TimelineItem = { kind: 'event'; seq: number } | { kind: 'gap'; gap: ConnectionGap };

/** What the rows need from the filtered event list (`TimelineView` provides it). */
export interface FilteredEvents {
  readonly count: number;
  readonly range: { first: number; last: number };
  seqAt(index: number): number;
  /** Shown events with a seq <= `seq`. */
  rankOf(seq: number): number;
}

/**
 * The timeline's rows: the filtered events, with a marker row for each connection gap placed after
 * the last shown event whose seq is <= the gap's `afterSeq`. Gaps stay visible whatever the filter
 * (they say something about the connection, not about matching events). The ring holds no fake
 * events: gaps come from the store's small gap list, and there are at most GAP_LIMIT of them, so
 * the lookups below walk them linearly.
 */
export class TimelineRows {
  readonly count: number;
  private readonly events: FilteredEvents;
  private readonly gaps: readonly ConnectionGap[];
  /** For each shown gap, how many shown events come before it (ascending). */
  private readonly ranks: readonly number[];

  constructor(events: FilteredEvents, gaps: readonly ConnectionGap[]) {
    this.events = events;
    this.gaps = gapsInRange(gaps, events.range);
    this.ranks = this.gaps.map((gap) => events.rankOf(gap.afterSeq));
    this.count = events.count + this.gaps.length;
  }

  get gapCount(): number {
    return this.gaps.length;
  }

  itemAt(index: number): TimelineItem {
    let gapsBefore = 0;
    for (let k = 0; k < this.gaps.length; k += 1) {
      const position = this.ranks[k] + k;
      if (position === index) return { kind: 'gap', gap: this.gaps[k] };
      if (position > index) break;
      gapsBefore += 1;
    }
    return { kind: 'event', seq: this.events.seqAt(index - gapsBefore) };
  }

  /** Stable row identity for the virtualizer: the seq for events (never an index), `gap-<id>` for gaps. */
  keyAt(index: number): number | string {
    const item = this.itemAt(index);
    return item.kind === 'event' ? item.seq : `gap-${item.gap.id}`;
  }

  /** Row index of the event at `eventIndex` in the filtered list. */
  rowOfEvent(eventIndex: number): number {
    let row = eventIndex;
    for (const rank of this.ranks) {
      if (rank <= eventIndex) row += 1;
      else break;
    }
    return row;
  }
}
