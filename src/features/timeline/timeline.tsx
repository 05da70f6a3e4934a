import { useRef, useSyncExternalStore } from 'react';
import { clipText } from '../../lib/clip-text';
import { useEventReader, useInspectorStore } from '../../store/store-context';
import type { ObjectRef } from '../../store/timeline-view';
import { ExportControls } from './export-controls';
import { TimelineFilterBar } from './timeline-filter-bar';
import { TimelineHeader } from './timeline-header';
import { TimelineList } from './timeline-list';
import { useColumnWidths } from './use-column-widths';
import { useFilterDraft } from './use-filter-draft';
import { useSlashFocus } from './use-slash-focus';
import { useTimelineView } from './use-timeline-view';
import './timeline.css';

/** A filter change rescans the buffer (up to 50,000 raw frames), so typing is debounced. */
const FILTER_DEBOUNCE_MS = 150;

/** The timeline: filter bar, "N of M events", the virtualized list and the Jump to latest button. */
export function Timeline() {
  const { draft, edit, commit } = useFilterDraft(FILTER_DEBOUNCE_MS);
  // The list follows the store's filter (the debounced draft, or one set from elsewhere).
  const filter = useInspectorStore((state) => state.view.filter);
  const { view, version } = useTimelineView(filter);
  const selectedSeq = useInspectorStore((state) => state.selectedSeq);
  const select = useInspectorStore((state) => state.actions.select);
  const paused = useInspectorStore((state) => state.paused);
  const gaps = useInspectorStore((state) => state.gaps);
  const followedLabel = useFollowedLabel(draft.object);
  const textInputRef = useRef<HTMLInputElement>(null);
  useSlashFocus(textInputRef);
  const columns = useColumnWidths();

  return (
    <section className={`pane-column timeline${columns.resized ? ' timeline--resized' : ''}`} aria-label="Timeline" style={columns.style}>
      <TimelineFilterBar
        filter={draft}
        onChange={edit}
        onCommit={commit}
        followedLabel={followedLabel}
        error={view.error}
        textInputRef={textInputRef}
      />
      <div className="timeline-status">
        <span data-testid="timeline-count">
          {view.count} of {view.total} events
        </span>
        {view.onDisk > 0 && (
          <span
            className="timeline-status__disk"
            data-testid="timeline-on-disk"
            title="Older than the memory ring: read back from the browser's database as you scroll"
          >
            {' '}
            ({view.onDisk} on disk)
          </span>
        )}
        {view.diskSearch && (
          <span className="timeline-status__disk" data-testid="timeline-disk-search" role="status">
            {' '}
            searching disk: {Math.floor((100 * view.diskSearch.searched) / Math.max(1, view.diskSearch.candidates))}%
          </span>
        )}
        {paused && <span className="timeline-status__paused"> (paused)</span>}
        <ExportControls view={view} />
      </div>
      <TimelineHeader columns={columns} />
      <TimelineList
        view={view}
        version={version}
        gaps={gaps}
        selectedSeq={selectedSeq}
        onSelect={select}
        changedPath={filter.changedPath.trim()}
      />
    </section>
  );
}

/** `machines rack-01`: the followed object's type and display name (its Key while none is known). */
function useFollowedLabel(object: ObjectRef | null): string | null {
  const names = useEventReader().displayNames;
  const name = useSyncExternalStore(names.subscribe, () => (object ? names.keyLabel(object.type, object.key) : undefined));
  if (object === null) return null;
  return `${clipText(object.type)} ${clipText(name ?? object.key)}`;
}
