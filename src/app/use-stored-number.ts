import { useCallback, useState } from 'react';

/**
 * A number kept in localStorage under `key` (layout choices: a pane's width, whether a panel is
 * open), null until the user sets one. Storage may be missing or full (private mode, a locked-down
 * profile): then the choice lasts for the page only, which is all it costs.
 */
export function useStoredNumber(key: string): [number | null, (value: number) => void] {
  const [value, setValue] = useState<number | null>(() => {
    try {
      const text = localStorage.getItem(key);
      const parsed = text === null ? NaN : Number(text);
      return Number.isFinite(parsed) ? parsed : null;
    } catch {
      return null;
    }
  });
  const store = useCallback(
    (next: number) => {
      setValue(next);
      try {
        localStorage.setItem(key, String(next));
      } catch {
        // Not stored: see above.
      }
    },
    [key],
  );
  return [value, store];
}
