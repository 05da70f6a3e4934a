import type { Subscription } from '../../store/subscription-registry';

interface SubscriptionRowProps {
  subscription: Subscription;
  onDeregister(spec: string): void;
  onRetry(spec: string): void;
}

const STATUS_TITLES: Record<Subscription['status'], string> = {
  pending: 'sent, waiting for the server’s ack',
  active: 'acknowledged: nothing matching it is missed from here on',
  failed: 'no ack within 5 s (servers before v3.7 never ack)',
  deregistering: 'deregister sent, waiting for the ack',
};

export function SubscriptionRow({ subscription, onDeregister, onRetry }: SubscriptionRowProps) {
  const { spec, status, count } = subscription;
  return (
    <li className="subscription-row" data-testid="subscription" data-spec={spec} data-status={status}>
      <span className={`status-dot status-${status}`} title={STATUS_TITLES[status]} />
      <span className="spec mono" title={spec}>
        {spec}
      </span>
      <span className="sub-status" title={STATUS_TITLES[status]}>
        {status}
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
