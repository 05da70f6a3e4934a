import { useInspectorStore } from '../../store/store-context';
import { FrameErrorList } from './frame-error-list';
import { ReconnectCountdown } from './reconnect-countdown';
import './status-bar.css';

/**
 * Live counters. Numbers are printed as plain integers (no separators): e2e tests and people
 * comparing with server logs read them literally.
 */
export function StatusBar() {
  const status = useInspectorStore((state) => state.connection.status);
  const received = useInspectorStore((state) => state.counters.received);
  const evicted = useInspectorStore((state) => state.counters.evicted);
  const malformed = useInspectorStore((state) => state.counters.malformed);
  const acks = useInspectorStore((state) => state.counters.acks);
  const rate = useInspectorStore((state) => state.ratePerSecond);
  const buffered = useInspectorStore((state) => state.buffered);
  const capacity = useInspectorStore((state) => state.capacity);
  const paused = useInspectorStore((state) => state.paused);
  const reconnects = useInspectorStore((state) => state.counters.reconnects);
  return (
    <div className="status-bar" role="status">
      <span className="stat">
        <span className={`status-dot status-${status}`} />
        <span data-testid="status-connection">{status}</span>
      </span>
      <ReconnectCountdown />
      <span className="stat" title="events received since Connect (acks and malformed frames not included)">
        received{' '}
        <b className="mono" data-testid="received-count">
          {String(received)}
        </b>
      </span>
      <span className="stat" title="events per second, over the last second">
        <b className="mono" data-testid="event-rate">
          {String(rate)}
        </b>{' '}
        ev/s
      </span>
      <span className="stat" title="events in the ring buffer / its capacity">
        buffered{' '}
        <b className="mono" data-testid="buffered-count">
          {String(buffered)}
        </b>
        /
        <span className="mono" data-testid="buffer-capacity">
          {String(capacity)}
        </span>
      </span>
      <span className={`stat${evicted > 0 ? ' warn-text' : ''}`} title="events dropped from the buffer to make room">
        evicted{' '}
        <b className="mono" data-testid="evicted-count">
          {String(evicted)}
        </b>
      </span>
      <span className="stat" title="register/deregister acknowledgements">
        acks{' '}
        <b className="mono" data-testid="ack-count">
          {String(acks)}
        </b>
      </span>
      <span className="stat" title="automatic reconnects since Connect (each one re-registered every subscription)">
        reconnects{' '}
        <b className="mono" data-testid="reconnect-count">
          {String(reconnects)}
        </b>
      </span>
      <FrameErrorList malformed={malformed} />
      {paused && <span className="stat warn-text">paused</span>}
    </div>
  );
}
