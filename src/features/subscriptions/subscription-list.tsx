import { useInspectorStore, useInspectorStoreApi } from '../../store/store-context';
import { SubscriptionRow } from './subscription-row';

/** Active subscriptions with their ack state and locally attributed event counts. */
export function SubscriptionList() {
  const store = useInspectorStoreApi();
  const subscriptions = useInspectorStore((state) => state.subscriptions);
  const unattributed = useInspectorStore((state) => state.counters.unattributed);
  const { actions } = store.getState();
  return (
    <section className="subscription-list-section">
      {subscriptions.length === 0 ? <p className="muted empty">No subscriptions. Register one to receive events.</p> : null}
      <ul className="subscription-list" data-testid="subscription-list">
        {subscriptions.map((subscription) => (
          <SubscriptionRow
            key={subscription.spec}
            subscription={subscription}
            onDeregister={actions.deregister}
            onRetry={actions.register}
          />
        ))}
      </ul>
      {unattributed > 0 && (
        <p
          className="muted"
          title="events no local spec matches (e.g. during a deregister, or list/escape differences; docs/reference/drp-protocol.md §3.4)"
        >
          unattributed{' '}
          <span className="mono" data-testid="unattributed-count">
            {unattributed}
          </span>
        </p>
      )}
    </section>
  );
}
