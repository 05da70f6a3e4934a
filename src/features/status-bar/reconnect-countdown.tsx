import { useEffect, useState } from 'react';
import { useInspectorStore } from '../../store/store-context';

/** Re-render once a second while a countdown runs; nothing ticks otherwise. */
function useSecondsUntil(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === 0) return undefined;
    const tick = (): void => setNow(Date.now());
    // Right away (the last tick may be from an earlier countdown), then a few times a second.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [deadline]);
  return deadline === 0 ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * "reconnecting in 7 s" and a button to try at once, while the session controller waits out its
 * backoff (docs/reference/drp-protocol.md §7.3). The deadline comes from the store; the seconds are counted here.
 */
export function ReconnectCountdown() {
  const status = useInspectorStore((state) => state.connection.status);
  const reconnect = useInspectorStore((state) => state.connection.reconnect);
  const reconnectNow = useInspectorStore((state) => state.actions.reconnectNow);
  const deadline = status === 'reconnecting' && reconnect ? reconnect.nextAttemptAt : 0;
  const seconds = useSecondsUntil(deadline);
  if (status !== 'reconnecting' || !reconnect) return null;
  const waiting = reconnect.nextAttemptAt > 0;
  return (
    <span className="stat warn-text">
      <span data-testid="reconnect-countdown" data-attempt={reconnect.attempt}>
        {waiting ? `reconnecting in ${seconds} s` : `reconnecting (attempt ${reconnect.attempt})…`}
      </span>
      <button type="button" className="reconnect-now" onClick={reconnectNow} disabled={!waiting}>
        Reconnect now
      </button>
    </span>
  );
}
