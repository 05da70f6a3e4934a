import type { EventReader } from '../store/event-reader';
import type { InspectorState, InspectorStore } from '../store/inspector-state';
import type { ObjectRef } from '../store/timeline-filter';
import { readRememberedViewPrefs, writeRememberedViewPrefs } from './remembered-view-prefs';
import { encodeViewHash, viewFromHash } from './url-view-state';

/** The URL follows the view after it settles: typing in a filter must not rewrite history per key. */
export const URL_WRITE_DELAY_MS = 300;

/** The part of `window` the sync uses (tests hand in jsdom's). */
export interface UrlHost {
  location: { href: string; hash: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Mirrors the store's view state in the page URL's hash and back, and remembers the diff layout
 * and ignored paths in localStorage:
 *
 * - At start: the remembered preferences, then the hash (a link wins over what was remembered);
 *   the hash's selected object becomes `view.pendingObject`.
 * - A pending object is selected (its newest version) once an event of it is buffered, at start or
 *   with any later batch; a selection the user makes first cancels it.
 * - The view (and the selected event's Type+Key) is written back with `history.replaceState`,
 *   debounced, so the back button is not filled with filter keystrokes.
 * - A pasted link in the same tab changes only the hash (no reload): `hashchange` applies it.
 *
 * Returns the stop function.
 */
export function startViewStateSync(store: InspectorStore, events: EventReader, host: UrlHost): () => void {
  let selected: ObjectRef | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const objectOfSeq = (seq: number): ObjectRef | null => {
    const record = seq > 0 ? events.record(seq) : undefined;
    return record ? { type: record.type, key: record.key } : null;
  };

  const resolvePending = (state: InspectorState): void => {
    const pending = state.view.pendingObject;
    if (pending === null) return;
    const entry = events.objectByKey(pending.type, pending.key);
    if (!entry) return;
    // Cleared first: the selection below must not read as the user's own (which cancels a pending one).
    state.actions.setView({ pendingObject: null });
    state.actions.select(entry.newestSeq);
  };

  const applyHash = (hash: string, atStart: boolean): void => {
    const state = store.getState();
    const linked = viewFromHash(hash);
    const remembered = atStart ? readRememberedViewPrefs() : {};
    state.actions.setView({
      mode: linked.mode,
      filter: linked.filter,
      detailTab: linked.detailTab,
      diffLayout: linked.diffLayoutGiven ? linked.diffLayout : (remembered.diffLayout ?? state.view.diffLayout),
      ...(remembered.ignorePaths !== undefined ? { ignorePaths: remembered.ignorePaths } : {}),
      pendingObject: linked.selected,
    });
    resolvePending(store.getState());
  };

  const write = (): void => {
    timer = undefined;
    const { view } = store.getState();
    const hash = encodeViewHash({
      mode: view.mode,
      filter: view.filter,
      selected: view.pendingObject ?? selected,
      detailTab: view.detailTab,
      diffLayout: view.diffLayout,
    });
    const url = new URL(host.location.href);
    url.hash = hash;
    if (url.href === host.location.href) return;
    try {
      host.history.replaceState(host.history.state, '', url.href);
    } catch {
      // A URL the browser refuses (too long): the page keeps working, the link is just not updated.
    }
  };

  const scheduleWrite = (): void => {
    if (timer === undefined) timer = setTimeout(write, URL_WRITE_DELAY_MS);
  };

  applyHash(host.location.hash, true);
  selected = objectOfSeq(store.getState().selectedSeq);

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.selectedSeq !== previous.selectedSeq) {
      // An evicted selection keeps naming its object; only a new selection (or none) changes it.
      selected = state.selectedSeq === 0 ? null : (objectOfSeq(state.selectedSeq) ?? selected);
      if (state.selectedSeq !== 0 && state.view.pendingObject !== null) state.actions.setView({ pendingObject: null });
    }
    if (state.revision !== previous.revision) resolvePending(state);
    const { view } = state;
    const before = previous.view;
    if (view.diffLayout !== before.diffLayout) writeRememberedViewPrefs({ diffLayout: view.diffLayout });
    if (view.ignorePaths !== before.ignorePaths) writeRememberedViewPrefs({ ignorePaths: view.ignorePaths });
    if (view !== before || state.selectedSeq !== previous.selectedSeq) scheduleWrite();
  });

  const onHashChange = (): void => applyHash(host.location.hash, false);
  host.addEventListener('hashchange', onHashChange);

  return () => {
    unsubscribe();
    host.removeEventListener('hashchange', onHashChange);
    if (timer !== undefined) clearTimeout(timer);
  };
}
