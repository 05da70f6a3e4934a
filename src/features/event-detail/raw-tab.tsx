import { useMemo, useState } from 'react';
import { maskSecrets } from '../../lib/mask-secrets';

interface RawTabProps {
  /** The frame text exactly as received. */
  raw: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The whole frame as pretty JSON. Secrets are masked by default: events carry stored objects, not
 * sanitized REST views (drp-protocol.md §4.3), and whatever is shown here tends to get copied.
 */
export function RawTab({ raw }: RawTabProps) {
  const [mask, setMask] = useState(true);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const parsed = useMemo(() => JSON.parse(raw) as unknown, [raw]);
  const text = useMemo(() => JSON.stringify(mask ? maskSecrets(parsed) : parsed, null, 2), [parsed, mask]);

  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    );
  };

  return (
    <div className="detail-raw">
      <div className="detail-raw__toolbar">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <label>
          <input
            type="checkbox"
            checked={mask}
            onChange={(event) => {
              setMask(event.target.checked);
              setCopyState('idle');
            }}
          />
          Mask secrets
        </label>
        <span role="status" className="detail-raw__copy-status">
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed (clipboard not available)' : ''}
        </span>
      </div>
      <pre className="detail-raw__text" data-testid="raw-json">
        {text}
      </pre>
    </div>
  );
}
