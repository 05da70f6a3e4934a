import { useEffect, useState } from 'react';
import { formatBytes } from '../../lib/format-bytes';
import { useCaptureController, useCaptureState } from '../../store/capture-context';
import { CaptureRow } from './capture-row';
import { downloadBlob } from '../../lib/download-blob';

interface CapturesDialogProps {
  onClose(): void;
}

const MB = 1_000_000;

/** The stored captures: reopen, rename, export, delete; storage used, quota left and the size cap. */
export function CapturesDialog({ onClose }: CapturesDialogProps) {
  const controller = useCaptureController();
  const list = useCaptureState((state) => state.list);
  const recordingId = useCaptureState((state) => state.recording.captureId);
  const [cap, setCap] = useState(String(Math.round(list.capBytes / MB)));
  const [message, setMessage] = useState('');

  useEffect(() => {
    void controller.refreshList();
  }, [controller]);

  const exportCapture = async (id: number): Promise<void> => {
    const file = await controller.exportFile(id);
    if (file) downloadBlob(file.blob, file.fileName);
  };

  return (
    <div className="captures-dialog" role="dialog" aria-modal="true" aria-label="Captures">
      <div className="captures-dialog__head">
        <h2>Captures</h2>
        <span data-testid="storage-estimate">
          {list.usage === null ? 'storage use unknown' : `${formatBytes(list.usage)} used`}
          {list.quota === null || list.usage === null ? '' : `, ${formatBytes(Math.max(0, list.quota - list.usage))} left of the quota`}
        </span>
        <form
          className="captures-dialog__cap"
          onSubmit={(event) => {
            event.preventDefault();
            controller.setCapBytes(Number(cap) * MB);
            setMessage(`size cap set to ${cap} MB: the oldest events go first once captures pass it`);
          }}
        >
          <label>
            Size cap (MB) <input type="number" min={1} value={cap} onChange={(event) => setCap(event.currentTarget.value)} />
          </label>
          <button type="submit">Set</button>
        </form>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {message ? <p className="captures-dialog__message">{message}</p> : null}
      {list.captures.length === 0 ? (
        <p>No stored captures. Tick Record to disk to write what arrives into this browser.</p>
      ) : (
        <table className="captures-list">
          <thead>
            <tr>
              <th>Capture</th>
              <th>Endpoint</th>
              <th>User</th>
              <th>Time range</th>
              <th>Events</th>
              <th>On disk</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.captures.map((capture) => (
              <CaptureRow
                key={capture.id}
                capture={capture}
                recording={capture.id === recordingId}
                onOpen={() => {
                  controller.requestOpen({ kind: 'stored', id: capture.id ?? 0, name: capture.name });
                  onClose();
                }}
                onRename={(name) => void controller.rename(capture.id ?? 0, name)}
                onExport={() => void exportCapture(capture.id ?? 0)}
                onDelete={() => void controller.remove(capture.id ?? 0)}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
