import { useState } from 'react';
import { formatBytes } from '../../lib/format-bytes';
import type { CaptureMeta } from '../../lib/capture-storage/capture-records';

interface CaptureRowProps {
  capture: CaptureMeta;
  recording: boolean;
  onOpen(): void;
  onRename(name: string): void;
  onExport(): void;
  onDelete(): void;
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint || '—';
  }
}

/** "2026-01-02 10:00:00 → 10:30:12": the Time of the first and last event written. */
function timeRange(capture: CaptureMeta): string {
  const first = (capture.firstTime || capture.startedAt).slice(0, 19).replace('T', ' ');
  const last = (capture.lastTime || capture.endedAt).slice(0, 19).replace('T', ' ');
  return first.slice(0, 10) === last.slice(0, 10) ? `${first} → ${last.slice(11)}` : `${first} → ${last}`;
}

/** One stored capture in the Captures list, with its actions. */
export function CaptureRow({ capture, recording, onOpen, onRename, onExport, onDelete }: CaptureRowProps) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(capture.name);
  const kept = capture.events - capture.evicted;
  return (
    <tr data-testid="stored-capture" data-capture-id={capture.id} data-events={kept}>
      <td>
        {editing ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onRename(name);
              setEditing(false);
            }}
          >
            <input aria-label="Capture name" value={name} onChange={(event) => setName(event.currentTarget.value)} />
            <button type="submit">Save</button>
          </form>
        ) : (
          <span className="captures-list__name">{capture.name}</span>
        )}
        <span className="captures-list__source">
          {capture.source === 'live' ? 'live' : `imported from ${capture.from}`}
          {recording ? ' · recording' : capture.ended ? '' : ' · cut short'}
        </span>
      </td>
      <td>{hostOf(capture.endpoint)}</td>
      <td>{capture.user || '—'}</td>
      <td>{timeRange(capture)}</td>
      <td data-testid="stored-capture-events">
        {kept}
        {capture.evicted > 0 ? ` (${capture.evicted} evicted)` : ''}
      </td>
      <td>{formatBytes(capture.storedBytes)}</td>
      <td className="captures-list__actions">
        <button type="button" onClick={onOpen} disabled={recording}>
          Open
        </button>
        <button type="button" onClick={() => setEditing(!editing)}>
          Rename
        </button>
        <button type="button" onClick={onExport}>
          Export
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </td>
    </tr>
  );
}
