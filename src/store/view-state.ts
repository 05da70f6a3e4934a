import type { ObjectRef, TimelineFilter } from './timeline-filter';
import { EMPTY_TIMELINE_FILTER } from './timeline-filter';

/**
 * What the user is looking at, as plain data in the store so that any feature can change it (the
 * detail pane's `Follow this object` sets the timeline's filter) and the app can mirror it in the
 * page URL (app/url-view-state.ts) and remember parts of it. Never a token, a password or event
 * content: a pasted link carries only this.
 */
export type ViewMode = 'events' | 'objects';
export type DiffLayout = 'inline' | 'side-by-side';

export interface ViewState {
  /** The event timeline or the Objects view. */
  mode: ViewMode;
  /** The timeline filter in force (the filter bar's debounced value). */
  filter: TimelineFilter;
  /** The detail pane's tab: `object`, `diff`, `raw`, `history`, `blame`. */
  detailTab: string;
  /**
   * The object to show when the page opens from a link (Type+Key); its newest buffered version is
   * selected once it arrives. null once used, or when none.
   */
  pendingObject: ObjectRef | null;
  /** History's `Compare`: the version the Diff tab compares the selected one with; 0 = none. */
  compareBaseSeq: number;
  diffLayout: DiffLayout;
  /** The diff's `Ignore paths` box, as typed (lib/path-pattern.ts compilePathPatterns). */
  ignorePaths: string;
}

/**
 * Fields that change on saves without meaning anything to a reader: `Validated`/`Available` flip
 * while the object is checked, and the gohai inventory is resent whole by every re-inventory.
 * (`Errors` stays visible: a new validation error is exactly what a reader looks for.) A default
 * the user can clear; ignored changes are counted, never hidden silently.
 */
export const DEFAULT_IGNORE_PATHS = 'Validated, Available, Params.gohai-inventory';

export const INITIAL_VIEW: ViewState = {
  mode: 'events',
  filter: EMPTY_TIMELINE_FILTER,
  detailTab: 'object',
  pendingObject: null,
  compareBaseSeq: 0,
  diffLayout: 'inline',
  ignorePaths: DEFAULT_IGNORE_PATHS,
};
