import { useInspectorStore } from '../../store/store-context';
import { MessageWithLink } from './message-with-link';

/** Always-visible state of the socket: status, close details, server version, last error. */
export function ConnectionStatus() {
  const connection = useInspectorStore((state) => state.connection);
  const closed = (connection.status === 'closed' || connection.status === 'reconnecting') && connection.closeCode !== undefined;
  return (
    <div className="connection-status" aria-live="polite">
      <span className={`status-pill status-${connection.status}`} data-testid="connection-status">
        {connection.status}
      </span>
      {closed && (
        <span className="close-details" data-testid="close-details">
          code {connection.closeCode}
          {connection.closeReason ? ` “${connection.closeReason}”` : ''} · {connection.wasClean ? 'clean' : 'not clean'}
        </span>
      )}
      {connection.serverVersion !== '' && (
        <span className="server-version">
          server <span data-testid="server-version">{connection.serverVersion}</span>
        </span>
      )}
      {connection.user !== '' && <span className="muted">as {connection.user}</span>}
      {connection.tokenMask !== '' && <span className="muted mono">token {connection.tokenMask}</span>}
      {connection.authMode === 'password-in-url' && <span className="warning">token grant refused: password sent in the socket URL</span>}
      {connection.message && (
        <span className="connection-error" role="alert" data-testid="connection-error">
          <MessageWithLink message={connection.message} url={connection.certificateUrl} />
        </span>
      )}
    </div>
  );
}
