/**
 * Connection gaps: stretches of time without a connection, shown as rows in the timeline. DRP has
 * no replay (docs/reference/drp-protocol.md §7.3), so whatever happened on the server in between is
 * missing from the buffer. Gaps live beside the ring, not in it: the ring holds only real events.
 * Everything here is pure; the session controller opens and closes gaps, the store prunes them as
 * events leave the ring, and the timeline places them between its rows.
 */
export interface ConnectionGap {
  /** Unique per store; the row key. */
  id: number;
  /** Seq of the newest event buffered before the connection went away; the gap sits right after it. */
  afterSeq: number;
  /** Epoch ms the socket closed. */
  from: number;
  /**
   * Epoch ms the next connection had every subscription re-acked (from then on nothing matching is
   * missed, §2.3), or 0 while still disconnected.
   */
  to: number;
  /** `lost`: closed without the user asking; `user`: Disconnect or a new Connect. */
  cause: 'lost' | 'user';
}

/** Gaps kept at most (a flapping connection must not grow the list without bound). */
export const GAP_LIMIT = 100;

/** The gap still waiting for its end: always the newest one, if any. */
export function openGapOf(gaps: readonly ConnectionGap[]): ConnectionGap | undefined {
  const last = gaps[gaps.length - 1];
  return last !== undefined && last.to === 0 ? last : undefined;
}

/** Appends `gap`, keeping the newest GAP_LIMIT. The caller checks `openGapOf` first: one gap is open at most. */
export function withGapStarted(gaps: readonly ConnectionGap[], gap: ConnectionGap): readonly ConnectionGap[] {
  return [...gaps, gap].slice(-GAP_LIMIT);
}

/** Ends the open gap at `to`; returns `gaps` itself when none is open. */
export function withOpenGapEnded(gaps: readonly ConnectionGap[], to: number): readonly ConnectionGap[] {
  const open = openGapOf(gaps);
  return open ? gaps.map((gap) => (gap === open ? { ...gap, to } : gap)) : gaps;
}

/**
 * Whether a gap still borders a buffered event (or sits right before the first one). A gap whose
 * preceding events all left the ring marks nothing any more.
 */
function bordersBuffer(gap: ConnectionGap, firstSeq: number): boolean {
  return gap.afterSeq >= firstSeq - 1;
}

/** Drops the gaps that no longer border the ring (its oldest seq is now `firstSeq`); returns `gaps` itself when none goes. */
export function pruneEvictedGaps(gaps: readonly ConnectionGap[], firstSeq: number): readonly ConnectionGap[] {
  if (gaps.length === 0 || bordersBuffer(gaps[0], firstSeq)) return gaps;
  return gaps.filter((gap) => bordersBuffer(gap, firstSeq));
}

/**
 * The gaps to show among events `first..last` (a view's seq range): not before it (evicted) and not
 * beyond it (after a pause point). Each one goes after the last shown event with `seq <= afterSeq`.
 */
export function gapsInRange(gaps: readonly ConnectionGap[], range: { first: number; last: number }): ConnectionGap[] {
  return gaps.filter((gap) => bordersBuffer(gap, range.first) && gap.afterSeq <= range.last);
}
