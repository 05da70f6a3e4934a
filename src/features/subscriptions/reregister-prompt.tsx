import { useInspectorStoreApi } from '../../store/store-context';
import { useRememberedSubscriptions } from './use-remembered-subscriptions';

/** "Re-register N subscriptions": the specs this endpoint had before the reload, offered back. */
export function ReregisterPrompt() {
  const store = useInspectorStoreApi();
  const { missing, accept, dismiss } = useRememberedSubscriptions((spec) => store.getState().actions.register(spec));
  if (missing.length === 0) return null;
  const noun = missing.length === 1 ? 'subscription' : 'subscriptions';
  return (
    <div className="reregister-prompt" role="group" aria-label="Remembered subscriptions" data-testid="reregister-prompt">
      <span className="muted" title={missing.join('\n')}>
        remembered for this endpoint: <span className="mono">{missing.join(', ')}</span>
      </span>
      <button type="button" className="small primary" onClick={accept}>
        Re-register {missing.length} {noun}
      </button>
      <button type="button" className="small" onClick={dismiss}>
        Forget them
      </button>
    </div>
  );
}
