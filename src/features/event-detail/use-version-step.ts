import { isTypingTarget } from '../../lib/typing-target';
import { useCallback, useEffect } from 'react';
import { useEventReader, useInspectorStoreApi } from '../../store/store-context';

export type StepDirection = 'older' | 'newer';

/**
 * Moves the selection to the next older or newer buffered version of the selected object (History's
 * `Older version` / `Newer version`). Reads the selection when called, so a key held down walks on.
 */
export function useVersionStep(): (direction: StepDirection) => void {
  const events = useEventReader();
  const store = useInspectorStoreApi();
  return useCallback(
    (direction) => {
      const { selectedSeq, actions } = store.getState();
      const next = selectedSeq > 0 ? events.adjacentVersion(selectedSeq, direction) : undefined;
      if (next !== undefined) actions.select(next);
    },
    [events, store],
  );
}

/**
 * `[` older, `]` newer, as in editors that step through history, anywhere on the page unless the
 * user is typing (the same rule as the timeline's `/`).
 */
export function useVersionStepKeys(): void {
  const step = useVersionStep();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.key !== '[' && event.key !== ']') || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      step(event.key === '[' ? 'older' : 'newer');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [step]);
}
