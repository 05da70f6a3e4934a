import { formatBytes } from '../../lib/format-bytes';
import { useCaptureController, useCaptureState } from '../../store/capture-context';

/** The running import or reopen: how far it has read, and Cancel (what was read stays). */
export function ImportProgress() {
  const controller = useCaptureController();
  const importing = useCaptureState((state) => state.importing);
  if (!importing) return null;
  return (
    <div className="captures-progress" data-testid="import-progress">
      <span>
        Opening {importing.name}: {formatBytes(importing.bytesRead)} of {formatBytes(importing.totalBytes)}, {importing.events} events
      </span>
      <progress aria-label="Import progress" max={Math.max(1, importing.totalBytes)} value={importing.bytesRead} />
      <button type="button" onClick={() => controller.cancelImport()}>
        Cancel
      </button>
    </div>
  );
}
