import { downloadBlob } from '../../lib/download-blob';
import { useState } from 'react';
import { exportEvents } from '../../store/event-export';
import { useEventReader } from '../../store/store-context';
import type { TimelineView } from '../../store/timeline-view';

interface ExportControlsProps {
  /** The filtered list: what the timeline shows is what gets exported. */
  view: TimelineView;
}

/** `drp-events-2026-01-01T12-00-00.jsonl`: sortable, and valid in every file system. */
function exportFileName(now: Date): string {
  return `drp-events-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.jsonl`;
}

/**
 * "Export" downloads the shown (filtered) events as JSON Lines. Secrets are masked by default
 * (docs/reference/drp-protocol.md §7.12); unticking exports the frames exactly as received.
 */
export function ExportControls({ view }: ExportControlsProps) {
  const events = useEventReader();
  const [mask, setMask] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const run = async (): Promise<void> => {
    const seqs = Array.from({ length: view.count }, (_, index) => view.seqAt(index));
    setBusy(true);
    setMessage(`exporting ${seqs.length} events…`);
    try {
      const result = await exportEvents(events, seqs, { mask });
      downloadBlob(new Blob(result.lines, { type: 'application/x-ndjson' }), exportFileName(new Date()));
      const notes = [
        result.skipped > 0 ? `${result.skipped} left out (too deeply nested to mask)` : '',
        result.missing > 0 ? `${result.missing} evicted meanwhile` : '',
      ].filter((note) => note !== '');
      setMessage(`exported ${result.exported} events${mask ? ', secrets masked' : ''}${notes.length > 0 ? `; ${notes.join(', ')}` : ''}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="timeline-export">
      <button type="button" onClick={() => void run()} disabled={busy || view.count === 0}>
        Export
      </button>
      <label>
        <input type="checkbox" checked={mask} onChange={(event) => setMask(event.target.checked)} />
        Mask secrets in export
      </label>
      <span role="status" className="timeline-export__status" data-testid="export-status">
        {message}
      </span>
    </span>
  );
}
