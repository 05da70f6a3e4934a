import { formatBytes } from '../../lib/format-bytes';
import { useCaptureController, useCaptureState } from '../../store/capture-context';

/** `Record to disk` (off by default): every event also goes into the browser's database. */
export function RecordToDisk() {
  const controller = useCaptureController();
  const recording = useCaptureState((state) => state.recording);
  return (
    <span className="captures-record">
      <label title="Event payloads may hold secrets (tokens, passwords, secure params); they are stored unmasked in this browser's database.">
        <input type="checkbox" checked={recording.enabled} onChange={(event) => controller.setRecording(event.currentTarget.checked)} />
        Record to disk
      </label>
      {recording.enabled ? (
        <span
          className="captures-record__status"
          data-testid="record-status"
          data-written={recording.writtenEvents}
          data-stored-bytes={recording.storedBytes}
          data-raw-bytes={recording.rawBytes}
        >
          written: {recording.writtenEvents} events, {formatBytes(recording.storedBytes)}
          {recording.pendingEvents > 0 ? ` (${recording.pendingEvents} pending)` : ''}
          {recording.evicted > 0 ? `; ${recording.evicted} oldest evicted by the size cap` : ''}
        </span>
      ) : (
        <span className="captures-record__note">payloads may hold secrets</span>
      )}
      {recording.error ? (
        <span className="captures-record__error" role="alert">
          {recording.error}
        </span>
      ) : null}
    </span>
  );
}
