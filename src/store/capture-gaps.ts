import type { CaptureMarker } from '../lib/capture-import/import-types';
import { withGapStarted } from './connection-gaps';
import type { ConnectionGap } from './connection-gaps';
import type { InspectorStore } from './inspector-state';

/**
 * Imported gaps get ids far above the session controller's (which count from 1 per store), so a
 * gap row's key `gap-<id>` never collides with a live one.
 */
const IMPORTED_GAP_IDS_FROM = 1_000_000_000;
let nextImportedGapId = IMPORTED_GAP_IDS_FROM;

type GapMarker = Extract<CaptureMarker, { kind: 'gap' }>;

/**
 * A file's gap marker as a timeline gap after event `afterSeq`. A gap of a file is always closed
 * (it has both ends); an unreadable `to` becomes `from`, never 0, which would read as a gap still
 * open and make the session controller continue it.
 */
export function importedGapOf(marker: GapMarker, afterSeq: number, id: number): ConnectionGap {
  const from = Date.parse(marker.from);
  const to = Date.parse(marker.to);
  const start = Number.isFinite(from) ? from : Number.isFinite(to) ? to : 0;
  const end = Number.isFinite(to) && to >= start ? to : start;
  return { id, afterSeq, from: start, to: Math.max(end, 1), cause: 'lost' };
}

/** Shows a gap marker of an imported file among the buffered events, after event `afterSeq`. */
export function addImportedGap(store: InspectorStore, marker: GapMarker, afterSeq: number): void {
  const gap = importedGapOf(marker, afterSeq, nextImportedGapId);
  nextImportedGapId += 1;
  store.setState((state) => ({ gaps: withGapStarted(state.gaps, gap) }));
}
