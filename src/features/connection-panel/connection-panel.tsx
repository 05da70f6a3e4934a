import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { previewEndpoint } from '../../store/endpoint-preview';
import { useInspectorStore, useInspectorStoreApi } from '../../store/store-context';
import { ConnectionStatus } from './connection-status';
import { initialEndpoint } from './initial-endpoint';
import { readRememberedConnection, writeRememberedConnection } from './remembered-connection';
import { REMEMBERED_TOKEN_KEY, readRememberedToken, writeRememberedToken } from './remembered-token';
import { SecretInput } from './secret-input';
import { useDemoAutoConnect } from './use-demo-auto-connect';
import './connection-panel.css';

/**
 * Endpoint and credentials. A filled Token wins; otherwise Username + Password are exchanged for a
 * token by the store (docs/reference/drp-protocol.md §1.4). The token and password stay in their input fields (not
 * in React state, not in the markup: see SecretInput) and are handed to the store on Connect; the
 * store keeps only a masked copy in state and the rest in memory for reconnects.
 */
export function ConnectionPanel() {
  const store = useInspectorStoreApi();
  const status = useInspectorStore((state) => state.connection.status);
  const [remembered] = useState(readRememberedConnection);
  // A link's ?endpoint= wins over the endpoint remembered from the last Connect, which wins over
  // the DRP endpoint the page was served from.
  const [endpoint, setEndpoint] = useState(() => initialEndpoint(remembered.endpoint));
  const [rememberedToken] = useState(readRememberedToken);
  const [rememberToken, setRememberToken] = useState(() => rememberedToken !== '');
  const [username, setUsername] = useState(remembered.username);
  const tokenRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  useDemoAutoConnect((config) => {
    setEndpoint(config.endpoint);
    setUsername(config.username);
    if (passwordRef.current) passwordRef.current.value = config.password;
  });

  const normalized = previewEndpoint(endpoint);
  const busy = status === 'checking' || status === 'connecting' || status === 'open' || status === 'reconnecting';
  // A second Connect while one is running or open would silently drop the socket and reset the
  // counters; changing endpoint or credentials goes through Disconnect. While reconnecting it stays
  // available: the user may want another endpoint instead of waiting.
  const connectLocked = status === 'checking' || status === 'connecting' || status === 'open';

  const connect = (event: FormEvent) => {
    event.preventDefault();
    if (connectLocked) return;
    const { actions } = store.getState();
    const token = tokenRef.current?.value.trim() ?? '';
    writeRememberedConnection({ endpoint, username });
    if (token !== '') {
      writeRememberedToken(rememberToken ? token : null);
      void actions.connect({ endpoint, auth: 'token', token });
    } else {
      // A remembered token the user is no longer using must not stay behind in storage.
      writeRememberedToken(null);
      void actions.connect({ endpoint, auth: 'password', username, password: passwordRef.current?.value ?? '' });
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
        <SecretInput id={`${ids}-token`} inputRef={tokenRef} initialValue={rememberedToken} className="mono" autoComplete="off" />
        <label className="checkbox">
          <input type="checkbox" checked={rememberToken} onChange={(event) => toggleRemember(event.target.checked)} />
          Remember token
        </label>
        {rememberToken && (
          <span className="warning" data-testid="remember-token-location">
            stored in this browser’s localStorage under “{REMEMBERED_TOKEN_KEY}”
          </span>
        )}
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
        <SecretInput id={`${ids}-password`} inputRef={passwordRef} autoComplete="current-password" />
      </div>
      <div className="buttons">
        <button
          type="submit"
          className="primary"
          disabled={connectLocked}
          aria-describedby={connectLocked ? `${ids}-connect-hint` : undefined}
        >
          Connect
        </button>
        <button type="button" onClick={() => store.getState().actions.disconnect()} disabled={!busy}>
          Disconnect
        </button>
        {connectLocked && (
          <span id={`${ids}-connect-hint`} className="hint" data-testid="connect-hint">
            {status === 'open' ? 'connected: Disconnect to change endpoint or credentials' : 'connecting…'}
          </span>
        )}
      </div>
      <ConnectionStatus />
    </form>
  );
}
