import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { KNOWN_ACTIONS, KNOWN_TYPES } from '../../protocol/drp-types';
import { useEventReader, useInspectorStoreApi } from '../../store/store-context';
import { coveringSubscription } from '../../store/subscription-registry';
import type { SubscriptionStatus } from '../../store/subscription-registry';
import { PRESETS, composeSpec, objectHistorySpec } from './compose-spec';
import type { ComposedSpec, SpecParts } from './compose-spec';

const EMPTY_PARTS: SpecParts = { type: '', action: '', key: '', escapeKey: false };

function alreadyNotice(spec: string, status: SubscriptionStatus): string {
  return status === 'active' ? `${spec} is already registered: not sent again` : `${spec} is already waiting for its ack: not sent again`;
}

/**
 * Register a spec: typed raw, composed from type/action/key pickers (which write into the raw
 * field), or from a preset. Every spec is validated locally before sending: the server does not
 * validate and can even crash on short specs (docs/reference/drp-protocol.md §2.2).
 */
export function SubscriptionForm() {
  const store = useInspectorStoreApi();
  const events = useEventReader();
  const [raw, setRaw] = useState('');
  const [parts, setParts] = useState<SpecParts>(EMPTY_PARTS);
  const [error, setError] = useState('');
  // Why a valid spec was not sent: without it a duplicate Register looks like a click that did nothing.
  const [notice, setNotice] = useState('');
  const ids = useId();

  const register = (spec: string) => {
    const outcome = store.getState().actions.register(spec);
    setError(outcome.ok ? '' : outcome.reason);
    setNotice(outcome.ok && 'already' in outcome ? alreadyNotice(spec, outcome.already) : '');
    return outcome.ok;
  };

  const registerComposed = (composed: ComposedSpec) => {
    if (!composed.ok) {
      setError(composed.reason);
      setNotice('');
      return;
    }
    setRaw(composed.spec);
    register(composed.spec);
  };

  /**
   * An object's history under a spec that already streams it adds nothing on the server: send
   * nothing, open that object's History instead and say so. With the type or key picker empty, the
   * object is the selected event's. Not buffered yet: it is selected once an event of it arrives.
   */
  const registerObjectHistory = () => {
    const state = store.getState();
    const selected = events.record(state.selectedSeq);
    const needsObject = parts.type.trim() === '' || parts.key.trim() === '';
    const target = needsObject && selected ? { ...parts, type: selected.type, key: selected.key } : parts;
    if (target !== parts) setParts(target);
    const composed = objectHistorySpec(target);
    const cover = composed.ok ? coveringSubscription(state.subscriptions, composed.spec) : undefined;
    if (!composed.ok || !cover) return registerComposed(composed);
    setRaw(composed.spec);
    setError('');
    const type = target.type.trim();
    const key = target.key.trim();
    const entry = events.objectByKey(type, key);
    if (entry) {
      if (events.objectOf(state.selectedSeq)?.id !== entry.id) state.actions.select(entry.newestSeq);
      state.actions.setView({ detailTab: 'history' });
      setNotice(`${composed.spec} is already covered by ${cover.spec}: not registered again; showing its History`);
    } else {
      state.actions.setView({ detailTab: 'history', pendingObject: { type, key } });
      setNotice(
        `${composed.spec} is already covered by ${cover.spec}: not registered again; its History opens when an event of it arrives`,
      );
    }
  };

  const updatePart = (patch: Partial<SpecParts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    const composed = composeSpec(next);
    if (composed.ok) {
      setRaw(composed.spec);
      setError('');
    } else {
      setError(composed.reason);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    register(raw);
  };

  return (
    <form className="subscription-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${ids}-spec`}>Subscription</label>
        <div className="inline">
          <input
            id={`${ids}-spec`}
            className="mono"
            value={raw}
            onChange={(event) => {
              setRaw(event.target.value);
              setError('');
              setNotice('');
            }}
            placeholder="type.action.key"
            spellCheck={false}
            aria-invalid={error !== ''}
            aria-describedby={`${ids}-error`}
          />
          <button type="submit" className="primary">
            Register
          </button>
        </div>
        <span id={`${ids}-error`} className="inline-error" role="alert" data-testid="subscription-error">
          {error}
        </span>
        <span className="inline-notice" role="status" data-testid="subscription-notice">
          {notice}
        </span>
      </div>
      <fieldset className="pickers">
        <legend>Build from fields</legend>
        <label htmlFor={`${ids}-type`}>Type</label>
        <input
          id={`${ids}-type`}
          className="mono"
          list={`${ids}-types`}
          value={parts.type}
          placeholder="*"
          onChange={(event) => updatePart({ type: event.target.value })}
          spellCheck={false}
        />
        <label htmlFor={`${ids}-action`}>Action</label>
        <input
          id={`${ids}-action`}
          className="mono"
          list={`${ids}-actions`}
          value={parts.action}
          placeholder="*"
          onChange={(event) => updatePart({ action: event.target.value })}
          spellCheck={false}
        />
        <label htmlFor={`${ids}-key`}>Key</label>
        <input
          id={`${ids}-key`}
          className="mono"
          value={parts.key}
          placeholder="*"
          onChange={(event) => updatePart({ key: event.target.value })}
          spellCheck={false}
        />
        <label className="checkbox" title="escape . , * in the key (servers v4.5.4 and later)">
          <input type="checkbox" checked={parts.escapeKey} onChange={(event) => updatePart({ escapeKey: event.target.checked })} />
          escape key
        </label>
        <datalist id={`${ids}-types`}>
          {KNOWN_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <datalist id={`${ids}-actions`}>
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </fieldset>
      <div className="presets" role="group" aria-label="Presets">
        {PRESETS.map((preset) => (
          <button
            key={preset.spec}
            type="button"
            className="small"
            title={preset.warning ? `${preset.spec}: ${preset.warning}` : preset.spec}
            onClick={() => registerComposed({ ok: true, spec: preset.spec })}
          >
            {preset.label}
          </button>
        ))}
        <button type="button" className="small" title="type.*.key from the fields above" onClick={registerObjectHistory}>
          Object history
        </button>
      </div>
      <p className="warning small-text">Everything (*.*.*) streams every event on the endpoint and loads the server.</p>
    </form>
  );
}
