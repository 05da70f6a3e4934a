import { useCallback, useState } from 'react';
import { useCaptureController, useCaptureState } from '../../store/capture-context';
import { CapturesDialog } from './captures-dialog';
import { ImportButton } from './import-button';
import { ImportProgress } from './import-progress';
import { OpenedSummary } from './opened-summary';
import { RecordToDisk } from './record-to-disk';
import { ReplaceConfirm } from './replace-confirm';
import { usePageDrop } from './use-page-drop';
import './captures.css';

/**
 * Captures that outlive the tab: Import (button or a file dropped on the page) opens a file in
 * place of the buffer, Record to disk writes what arrives into the browser's database, and
 * Captures lists what was stored.
 */
export function Captures() {
  const controller = useCaptureController();
  const importing = useCaptureState((state) => state.importing !== null);
  const [listOpen, setListOpen] = useState(false);
  const openFile = useCallback((file: File) => controller.requestOpen({ kind: 'file', file, name: file.name }), [controller]);
  const dragging = usePageDrop(openFile);

  return (
    <section className="captures" aria-label="Captures">
      <div className="captures-bar">
        <ImportButton disabled={importing} onFile={openFile} />
        <RecordToDisk />
        <button type="button" onClick={() => setListOpen(true)}>
          Captures
        </button>
      </div>
      <ReplaceConfirm />
      <ImportProgress />
      <OpenedSummary />
      {listOpen ? <CapturesDialog onClose={() => setListOpen(false)} /> : null}
      {dragging ? (
        <div className="captures-drop" aria-hidden="true">
          Drop a capture, drpcli output, HAR or JSON array to open it
        </div>
      ) : null}
    </section>
  );
}
