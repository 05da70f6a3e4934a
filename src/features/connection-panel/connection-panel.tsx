import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { normalizeEndpoint } from '../../connection/endpoint-url';
import { useInspectorStore, useInspectorStoreApi } from '../../store/store-context';
import { ConnectionStatus } from './connection-status';
import { initialEndpointFromUrl } from './initial-endpoint';
import { readRememberedToken, writeRememberedToken } from './remembered-token';
import { useDemoAutoConnect } from './use-demo-auto-connect';

/**
 * Endpoint and credentials. A filled Token wins; otherwise Username + Password are exchanged for a
 * token by the store (drp-protocol.md §1.4). The token and password stay in this component's
 * memory and are handed to the store on Connect; the store keeps only a masked copy in state.
 */
export function ConnectionPanel() {
  const store = useInspectorStoreApi();
  const status = useInspectorStore((state) => state.connection.status);
  const [endpoint, setEndpoint] = useState(initialEndpointFromUrl);
  const [token, setToken] = useState(readRememberedToken);
  const [rememberToken, setRememberToken] = useState(() => readRememberedToken() !== '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const ids = useId();

  useDemoAutoConnect((config) => {
    setEndpoint(config.endpoint);
    setUsername(config.username);
    setPassword(config.password);
  });

  const normalized = endpoint.trim() === '' ? null : normalizeEndpoint(endpoint);
  const busy = status === 'checking' || status === 'connecting' || status === 'open';

  const connect = (event: FormEvent) => {
    event.preventDefault();
    const { actions } = store.getState();
    if (token.trim() !== '') {
      writeRememberedToken(rememberToken ? token.trim() : null);
      void actions.connect({ endpoint, auth: 'token', token: token.trim() });
    } else {
      void actions.connect({ endpoint, auth: 'password', username, password });
    }
  };

  const toggleRemember = (checked: boolean) => {
    setRememberToken(checked);
    if (!checked) writeRememberedToken(null);
  };

  return (
    <form className="connection-panel" onSubmit={connect} aria-label="Connection">
      <div className="field endpoint-field">
        <label htmlFor={`${ids}-endpoint`}>Endpoint</label>
        <input
          id={`${ids}-endpoint`}
          className="mono"
          value={endpoint}
          onChange={(event) => setEndpoint(event.target.value)}
          placeholder="drp.example.com:8092"
          spellCheck={false}
          autoComplete="url"
        />
        <span className={`hint mono${normalized && !normalized.ok ? ' invalid' : ''}`} data-testid="endpoint-preview">
          {normalized === null ? 'default port 8092, https/wss' : normalized.ok ? normalized.wsUrl : normalized.reason}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-token`}>Token</label>
        <input
          id={`${ids}-token`}
          className="mono"
          type="password"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <label className="checkbox">
          <input type="checkbox" checked={rememberToken} onChange={(event) => toggleRemember(event.target.checked)} />
          Remember token
          {rememberToken && <span className="warning"> (stored in this browser’s localStorage)</span>}
        </label>
      </div>
      <span className="or">or</span>
      <div className="field">
        <label htmlFor={`${ids}-username`}>Username</label>
        <input
          id={`${ids}-username`}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          autoComplete="username"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-password`}>Password</label>
        <input
          id={`${ids}-password`}
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
        />
      </div>
      <div className="buttons">
        <button type="submit" className="primary">
          Connect
        </button>
        <button type="button" onClick={() => store.getState().actions.disconnect()} disabled={!busy}>
          Disconnect
        </button>
      </div>
      <ConnectionStatus />
    </form>
  );
}
