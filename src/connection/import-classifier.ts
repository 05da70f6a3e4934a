import type { ImportNotice } from '../lib/capture-import/import-messages';
import { packFrames } from './frame-text';
import type { ClassifiedImportNotice } from './import-messages';
import { receiveTextFrame } from './received-frame';
import { VersionTracker } from './version-tracker';

/**
 * Turns the import runner's notices into store-ready ones: a batch's event texts are classified
 * with one version tracker for the whole file (so an imported event's changed paths are against
 * the version before it in the file, as live events are against the one before on the socket).
 * Returns the buffers a worker may transfer with each notice.
 */
export class ImportClassifier {
  private readonly tracker = new VersionTracker();
  private events = 0;

  classify(notice: ImportNotice): { notice: ClassifiedImportNotice; transfer: Transferable[] } {
    if (notice.type !== 'batch') return { notice, transfer: [] };
    const packed = packFrames(notice.events.map((text) => receiveTextFrame(text, this.tracker)));
    const firstEvent = this.events;
    this.events += notice.events.length;
    return {
      notice: { type: 'frames', frames: packed.frames, firstEvent, markers: notice.markers },
      transfer: packed.buffer ? [packed.buffer] : [],
    };
  }
}
