import type { Ref } from 'react';
import { formatDuration, formatTimeOfDay } from '../../lib/format-time-span';
import type { ConnectionGap } from '../../store/inspector-state';

interface TimelineGapRowProps {
  gap: ConnectionGap;
  /** Row position; the virtualizer reads it back from `data-index`. */
  index: number;
  rowRef: Ref<HTMLDivElement>;
}

/**
 * A disconnected interval between two events. DRP replays nothing after a reconnect
 * (drp-protocol.md §7.3), so this row says plainly that events from this stretch are missing.
 */
export function TimelineGapRow({ gap, index, rowRef }: TimelineGapRowProps) {
  const cause = gap.cause === 'lost' ? 'connection lost' : 'disconnected';
  const from = formatTimeOfDay(gap.from);
  const text =
    gap.to === 0
      ? `${cause} since ${from}: no events received since then`
      : `${cause} from ${from} to ${formatTimeOfDay(gap.to)} (${formatDuration(gap.to - gap.from)}): events in between were not received`;
  return (
    <div
      ref={rowRef}
      role="option"
      aria-selected={false}
      aria-disabled={true}
      data-index={index}
      data-testid="timeline-gap"
      data-after-seq={gap.afterSeq}
      data-from={gap.from}
      data-to={gap.to}
      className="timeline-gap"
      title={text}
    >
      <span className="timeline-gap__label">gap</span> {text}
    </div>
  );
}
