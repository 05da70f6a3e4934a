import { useState } from 'react';
import type { ImportFormat } from '../../lib/capture-import/import-types';
import { useCaptureState } from '../../store/capture-context';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  'capture-jsonl': 'capture JSON Lines',
  'drpcli-watch': 'drpcli events watch output',
  har: 'HAR (websocket frames)',
  'json-array': 'JSON array of events',
};

/** First errors listed under the summary; the rest are counted. */
const SHOWN_ERRORS = 5;

/**
 * What the buffer holds since the last Import or reopen: format, counts, the first problems with
 * their line numbers, and the capture's subscriptions as history (they are not re-sent).
 */
export function OpenedSummary() {
  const opened = useCaptureState((state) => state.opened);
  const [dismissed, setDismissed] = useState<typeof opened>(null);
  if (!opened || dismissed === opened) return null;
  const summary = opened.summary;
  const verb = opened.kind === 'stored' ? 'Reopened' : 'Imported';
  const head =
    opened.status === 'done'
      ? `${verb} ${opened.name}${summary?.format ? ` (${FORMAT_NAMES[summary.format]})` : ''}: ${opened.events} events`
      : opened.status === 'cancelled'
        ? `Import of ${opened.name} cancelled: the ${opened.events} events read before the cancel were kept`
        : `Import of ${opened.name} failed (${opened.message}): the ${opened.events} events read before were kept`;
  const details = summary
    ? [
        summary.skipped > 0 ? `${summary.skipped} skipped` : '',
        summary.markers > 0 ? `${summary.markers} markers` : '',
        opened.gaps > 0 ? `${opened.gaps} gaps` : '',
        summary.acks > 0 ? `${summary.acks} acks left out` : '',
        summary.ignoredFrames > 0 ? `${summary.ignoredFrames} frames ignored` : '',
        summary.unknownMarkers > 0 ? `${summary.unknownMarkers} unknown markers skipped` : '',
        summary.truncated ? 'the file was cut short' : '',
        summary.format === null ? 'no known format found' : '',
      ].filter((text) => text !== '')
    : [];
  return (
    <div className="captures-summary" data-testid="import-summary" data-status={opened.status}>
      <div>
        <span data-testid="import-summary-head">{head}</span>
        {details.length > 0 ? <span>; {details.join(', ')}</span> : null}
        {opened.endpoint || opened.user ? (
          <span>
            {' '}
            · from {opened.endpoint || 'unknown endpoint'}
            {opened.user ? ` as ${opened.user}` : ''}
          </span>
        ) : null}{' '}
        <span className="captures-summary__mode">(the buffer now holds this capture; Connect goes live again)</span>
        <button type="button" className="captures-summary__close" onClick={() => setDismissed(opened)}>
          Dismiss
        </button>
      </div>
      {summary && summary.errors.length > 0 ? (
        <ul className="captures-summary__errors" aria-label="Import problems">
          {summary.errors.slice(0, SHOWN_ERRORS).map((issue) => (
            <li key={`${issue.line}-${issue.message}`}>{issue.message}</li>
          ))}
          {summary.errorCount > SHOWN_ERRORS ? <li>and {summary.errorCount - SHOWN_ERRORS} more</li> : null}
        </ul>
      ) : null}
      {opened.subscriptions.length > 0 ? (
        <div className="captures-summary__subscriptions" data-testid="capture-subscriptions">
          Subscriptions (history, not re-sent): {opened.subscriptions.map((item) => `${item.spec} ${item.state}`).join(', ')}
        </div>
      ) : null}
    </div>
  );
}
