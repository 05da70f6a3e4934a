import { useInspectorStore } from '../store/store-context';
import type { ViewMode } from '../store/view-state';

const MODES: readonly { mode: ViewMode; label: string; title: string }[] = [
  { mode: 'events', label: 'Events', title: 'The event timeline' },
  { mode: 'objects', label: 'Objects', title: 'Each object seen, with its versions and where it stands' },
];

/** Events | Objects: which view fills the main area (the store's `view.mode`, kept in the page URL). */
export function ViewModeToggle() {
  const mode = useInspectorStore((state) => state.view.mode);
  const setView = useInspectorStore((state) => state.actions.setView);
  return (
    <div className="view-mode-toggle" role="group" aria-label="View">
      {MODES.map((option) => (
        <button
          key={option.mode}
          type="button"
          className="small"
          aria-pressed={mode === option.mode}
          title={option.title}
          onClick={() => setView({ mode: option.mode })}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
