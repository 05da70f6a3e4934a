import { useRef, useState } from 'react';
import { useInspectorStore } from '../../store/store-context';
import { EMPTY_TIMELINE_FILTER } from '../../store/timeline-view';
import type { TimelineFilter } from '../../store/timeline-view';
import { ExportControls } from './export-controls';
import { TimelineFilterBar } from './timeline-filter-bar';
import { TimelineHeader } from './timeline-header';
import { TimelineList } from './timeline-list';
import { useColumnWidths } from './use-column-widths';
import { useDebouncedValue } from './use-debounced-value';
import { useSlashFocus } from './use-slash-focus';
import { useTimelineView } from './use-timeline-view';
import './timeline.css';

/** A filter change rescans the buffer (up to 50,000 raw frames), so typing is debounced. */
const FILTER_DEBOUNCE_MS = 150;

/** The timeline: filter bar, "N of M events", the virtualized list and the Jump to latest button. */
export function Timeline() {
  const [draft, setDraft] = useState<TimelineFilter>(EMPTY_TIMELINE_FILTER);
  const filter = useDebouncedValue(draft, FILTER_DEBOUNCE_MS);
  const { view, version } = useTimelineView(filter);
  const selectedSeq = useInspectorStore((state) => state.selectedSeq);
  const select = useInspectorStore((state) => state.actions.select);
  const paused = useInspectorStore((state) => state.paused);
  const gaps = useInspectorStore((state) => state.gaps);
  const textInputRef = useRef<HTMLInputElement>(null);
  useSlashFocus(textInputRef);
  const columns = useColumnWidths();

  return (
    <section className={`pane-column timeline${columns.resized ? ' timeline--resized' : ''}`} aria-label="Timeline" style={columns.style}>
      <TimelineFilterBar filter={draft} onChange={setDraft} error={view.error} textInputRef={textInputRef} />
      <div className="timeline-status">
        <span data-testid="timeline-count">
          {view.count} of {view.total} events
        </span>
        {paused && <span className="timeline-status__paused"> (paused)</span>}
        <ExportControls view={view} />
      </div>
      <TimelineHeader columns={columns} />
      <TimelineList view={view} version={version} gaps={gaps} selectedSeq={selectedSeq} onSelect={select} />
    </section>
  );
}
