import { isUnsent } from '../../store/subscription-registry';
import type { Subscription } from '../../store/subscription-registry';

interface SubscriptionRowProps {
  subscription: Subscription;
  onDeregister(spec: string): void;
  onRetry(spec: string): void;
}

/** `unsent` is shown for a pending spec that never reached a server: no socket was open yet. */
type ShownStatus = Subscription['status'] | 'unsent';

const STATUS_TITLES: Record<ShownStatus, string> = {
  unsent: 'not connected: sent when the socket opens',
  pending: 'sent, waiting for the server’s ack',
  active: 'acknowledged: nothing matching it is missed from here on',
  failed: 'no ack within 5 s (servers before v3.7 never ack)',
  deregistering: 'deregister sent, waiting for the ack',
};

export function SubscriptionRow({ subscription, onDeregister, onRetry }: SubscriptionRowProps) {
  const { spec, status, count } = subscription;
  const shown: ShownStatus = isUnsent(subscription) ? 'unsent' : status;
  return (
    <li className="subscription-row" data-testid="subscription" data-spec={spec} data-status={shown}>
      <span className={`status-dot status-${shown === 'unsent' ? 'idle' : shown}`} title={STATUS_TITLES[shown]} />
      <span className="spec mono" title={spec}>
        {spec}
      </span>
      <span className="sub-status" title={STATUS_TITLES[shown]}>
        {shown === 'unsent' ? 'not connected · sent on connect' : status}
      </span>
      <span className="count mono" data-testid="subscription-count" title="events matching this spec locally">
        {count}
      </span>
      {status === 'failed' && (
        <button type="button" className="small" aria-label={`Retry ${spec}`} onClick={() => onRetry(spec)}>
          ↻
        </button>
      )}
      <button
        type="button"
        className="small"
        aria-label={`Deregister ${spec}`}
        title={`Deregister ${spec}`}
        disabled={status === 'deregistering'}
        onClick={() => onDeregister(spec)}
      >
        ✕
      </button>
    </li>
  );
}
