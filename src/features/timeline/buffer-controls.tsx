import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_CAPACITY, MIN_CAPACITY } from '../../store/inspector-state';
import type { InspectorStore } from '../../store/inspector-state';
import { useInspectorStore, useInspectorStoreApi } from '../../store/store-context';
import './buffer-controls.css';

/** Typing "50000" passes through "5"; wait until the user stops before shrinking the ring. */
const CAPACITY_DEBOUNCE_MS = 700;

/**
 * Out-of-range or partial input is not applied; the field then shows the current capacity again and
 * the returned message says why (an empty string when applied).
 */
function applyCapacity(store: InspectorStore, text: string): string {
  const value = Number(text);
  if (text.trim() !== '' && Number.isInteger(value) && value >= MIN_CAPACITY && value <= MAX_CAPACITY) {
    store.getState().actions.setCapacity(value);
    return '';
  }
  const kept = store.getState().capacity.toLocaleString('en-US');
  return `${text.trim() || 'empty'} is not a whole number from ${MIN_CAPACITY} to ${MAX_CAPACITY.toLocaleString('en-US')}: kept ${kept}`;
}

/** Pause/Resume, Clear and the ring size. Pausing freezes the view only; buffering continues. */
export function BufferControls() {
  const store = useInspectorStoreApi();
  const paused = useInspectorStore((state) => state.paused);
  const newWhilePaused = useInspectorStore((state) => state.counters.pendingWhilePaused);
  const capacity = useInspectorStore((state) => state.capacity);
  const [draft, setDraft] = useState(String(capacity));
  const [editing, setEditing] = useState(false);
  const [capacityError, setCapacityError] = useState('');
  const ids = useId();
  const { actions } = store.getState();

  const commit = (text: string) => {
    setCapacityError(applyCapacity(store, text));
    setEditing(false);
  };

  useEffect(() => {
    if (!editing) return undefined;
    const timer = setTimeout(() => {
      setCapacityError(applyCapacity(store, draft));
      setEditing(false);
    }, CAPACITY_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, editing, store]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    commit(draft);
  };

  return (
    <form className="buffer-controls" onSubmit={submit}>
      {paused ? (
        <button type="button" className="primary" onClick={actions.resume}>
          Resume (<span data-testid="pending-count">{newWhilePaused}</span> new)
        </button>
      ) : (
        <button type="button" onClick={actions.pause}>
          Pause
        </button>
      )}
      <button type="button" onClick={actions.clear}>
        Clear
      </button>
      <label htmlFor={`${ids}-capacity`}>Buffer capacity</label>
      <input
        id={`${ids}-capacity`}
        className="mono capacity-input"
        type="number"
        min={MIN_CAPACITY}
        max={MAX_CAPACITY}
        step={1}
        value={editing ? draft : String(capacity)}
        onChange={(event) => {
          setDraft(event.target.value);
          setEditing(true);
        }}
        onBlur={() => {
          if (editing) commit(draft);
        }}
        aria-invalid={capacityError !== ''}
        aria-describedby={`${ids}-capacity-error`}
      />
      <span id={`${ids}-capacity-error`} className="inline-error" role="alert" data-testid="capacity-error">
        {capacityError}
      </span>
    </form>
  );
}
