import { useId } from 'react';
import type { DiffLayout } from '../../store/view-state';
import { useInspectorStore } from '../../store/store-context';

const LAYOUTS: readonly [DiffLayout, string][] = [
  ['inline', 'Inline'],
  ['side-by-side', 'Side by side'],
];

/**
 * The diff's layout toggle and its `Ignore paths` box. Both live in the store's view (the app
 * remembers them across reloads and puts the layout in the URL); this only reads and writes them.
 */
export function DiffOptions() {
  const layout = useInspectorStore((state) => state.view.diffLayout);
  const ignorePaths = useInspectorStore((state) => state.view.ignorePaths);
  const setView = useInspectorStore((state) => state.actions.setView);
  const ignoreId = useId();
  return (
    <div className="detail-diff__options">
      <div className="detail-diff__layout" role="group" aria-label="Diff layout">
        {LAYOUTS.map(([value, label]) => (
          <button key={value} type="button" aria-pressed={layout === value} onClick={() => setView({ diffLayout: value })}>
            {label}
          </button>
        ))}
      </div>
      <label className="detail-diff__ignore" htmlFor={ignoreId}>
        Ignore paths
      </label>
      <textarea
        id={ignoreId}
        className="detail-diff__ignore-input"
        rows={1}
        spellCheck={false}
        placeholder="Meta.*, Params.gohai-inventory"
        title="Comma- or newline-separated paths; * matches within one step (Meta.*, Tasks[*])"
        value={ignorePaths}
        onChange={(event) => setView({ ignorePaths: event.target.value })}
      />
    </div>
  );
}
