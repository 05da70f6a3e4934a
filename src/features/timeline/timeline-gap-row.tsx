import { formatDuration } from '../../lib/format-time-span';
import { formatTimeOfDay } from '../../lib/format-time-of-day';
import type { ConnectionGap } from '../../store/connection-gaps';

interface TimelineGapRowProps {
  gap: ConnectionGap;
  /** Row position in the list (`data-index`). */
  index: number;
  /** Offset in the list, px (rows have a fixed height). */
  top: number;
}

/**
 * A disconnected interval between two events. DRP replays nothing after a reconnect
 * (docs/reference/drp-protocol.md §7.3), so this row says plainly that events from this stretch are missing.
 */
export function TimelineGapRow({ gap, index, top }: TimelineGapRowProps) {
  const cause = gap.cause === 'lost' ? 'connection lost' : 'disconnected';
  const from = formatTimeOfDay(gap.from);
  const text =
    gap.to === 0
      ? `${cause} since ${from}: no events received since then`
      : `${cause} from ${from} to ${formatTimeOfDay(gap.to)} (${formatDuration(gap.to - gap.from)}): events in between were not received`;
  return (
    <div
      role="option"
      aria-selected={false}
      aria-disabled={true}
      data-index={index}
      data-testid="timeline-gap"
      data-after-seq={gap.afterSeq}
      data-from={gap.from}
      data-to={gap.to}
      className="timeline-gap"
      style={{ top }}
      title={text}
    >
      <span className="timeline-gap__label">gap</span> {text}
    </div>
  );
}
