import { useMemo, useState } from 'react';
import { formatBytes } from '../../lib/format-bytes';
import { formatRawFrame } from '../../lib/format-raw-frame';
import { RAW_PREVIEW_CHARS } from '../../lib/payload-limits';
import type { EventRecord } from '../../store/event-record';

interface RawTabProps {
  record: EventRecord;
  masked: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The whole frame as pretty JSON. Secrets are masked unless revealed in the detail header: events carry stored objects, not
 * sanitized REST views (docs/reference/drp-protocol.md §4.3), and whatever is shown here tends to get copied.
 * Giant frames wait behind the large-payload gate, and long text is cut to a preview until "Show all".
 */
export function RawTab({ record, masked: mask }: RawTabProps) {
  // `record.raw` decodes the frame's bytes on every read: once per selected event here.
  const raw = useMemo(() => record.raw, [record]);
  // Which text the status speaks of: after the mask toggles, "Copied" no longer describes what is shown.
  const [copied, setCopied] = useState<{ state: CopyState; mask: boolean }>({ state: 'idle', mask });
  const copyState = copied.mask === mask ? copied.state : 'idle';
  const [showAll, setShowAll] = useState(false);
  const [showUnformatted, setShowUnformatted] = useState(false);
  const formatted = useMemo(() => formatRawFrame(raw, mask), [raw, mask]);
  // Unformattable (nested too deeply to mask): only the frame as received, and only on request.
  const text = formatted.ok ? formatted.text : showUnformatted ? raw : '';
  const shown = showAll || text.length <= RAW_PREVIEW_CHARS ? text : text.slice(0, RAW_PREVIEW_CHARS);

  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setCopied({ state: 'copied', mask }),
      () => setCopied({ state: 'failed', mask }),
    );
  };

  return (
    <div className="detail-raw">
      <div className="detail-raw__toolbar">
        <button type="button" onClick={copy} disabled={text === ''}>
          Copy
        </button>
        <span role="status" className="detail-raw__copy-status">
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed (clipboard not available)' : ''}
        </span>
      </div>
      {formatted.ok && formatted.compact && (
        <p className="detail-notice" role="note" data-testid="deep-payload-notice">
          Nested too deeply to indent: shown compact.
        </p>
      )}
      {!formatted.ok && (
        <div className="detail-notice" role="note" data-testid="raw-format-error">
          <p>This frame is {formatted.reason}.</p>
          {!showUnformatted && (
            <button type="button" onClick={() => setShowUnformatted(true)}>
              Show the frame as received{mask ? ' (secrets not masked)' : ''}
            </button>
          )}
        </div>
      )}
      {shown.length < text.length && (
        <p className="detail-notice" role="note" data-testid="raw-truncated">
          Showing the first {formatBytes(shown.length)} of {formatBytes(text.length)}; Copy takes all of it.{' '}
          <button type="button" onClick={() => setShowAll(true)}>
            Show all
          </button>
        </p>
      )}
      <pre className="detail-raw__text" data-testid="raw-json">
        {shown}
      </pre>
    </div>
  );
}
