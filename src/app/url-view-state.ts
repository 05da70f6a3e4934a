/**
 * The view state as it goes into the page URL's hash, and back: `#view=objects&type=machines&
 * changed=Params.bar&obj=profiles/global&tab=history&diff=side-by-side`. Pure, no DOM: the app's
 * view-state-sync.tsx reads and writes `location`. Only what the user chose to look at goes in: never
 * a token, a password or event content. The selected object is named by Type+Key, because seqs do
 * not survive a reload. `?endpoint=` is the query's, not the hash's, and is left alone.
 */
import { EMPTY_TIMELINE_FILTER } from '../store/timeline-filter';
import type { ObjectRef, TimelineFilter } from '../store/timeline-filter';
import type { DiffLayout, ViewMode } from '../store/view-state';

export interface UrlViewState {
  mode: ViewMode;
  filter: TimelineFilter;
  /** The selected (or awaited) object. */
  selected: ObjectRef | null;
  detailTab: string;
  diffLayout: DiffLayout;
}

export const DEFAULT_URL_VIEW: UrlViewState = {
  mode: 'events',
  filter: EMPTY_TIMELINE_FILTER,
  selected: null,
  detailTab: 'object',
  diffLayout: 'inline',
};

type TextField = 'type' | 'action' | 'key' | 'principal' | 'text' | 'changedPath';
type FlagField = 'regex' | 'caseSensitive' | 'invert';

/** Hash parameter per filter field: short, and stable (links are shared). */
const TEXT_PARAMS: readonly [TextField, string][] = [
  ['type', 'type'],
  ['action', 'action'],
  ['key', 'key'],
  ['principal', 'principal'],
  ['text', 'q'],
  ['changedPath', 'changed'],
];
const FLAG_PARAMS: readonly [FlagField, string][] = [
  ['regex', 'regex'],
  ['caseSensitive', 'case'],
  ['invert', 'invert'],
];

/** A Key past this length (hostile content) is left out of the URL rather than bloat every link. */
const MAX_KEY_CHARS = 1000;
const TAB_PATTERN = /^[a-z][a-z-]{0,31}$/;

/**
 * Lone surrogates cannot be percent-encoded (encodeURIComponent throws, URLSearchParams writes
 * U+FFFD); a Key from a hostile frame may hold one, and must not break the page.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

/** `type/key`: the type percent-encoded so that the first `/` always ends it (keys may hold `/`). */
function encodeObject(object: ObjectRef): string | null {
  if (object.key.length > MAX_KEY_CHARS || object.type === '') return null;
  return `${encodeURIComponent(wellFormed(object.type))}/${wellFormed(object.key)}`;
}

function decodeObject(value: string): ObjectRef | null {
  const slash = value.indexOf('/');
  if (slash <= 0) return null;
  try {
    return { type: decodeURIComponent(value.slice(0, slash)), key: value.slice(slash + 1) };
  } catch {
    return null; // a hand-edited link with a broken escape
  }
}

/** The hash (without `#`) for `state`; '' when everything is at its default. */
export function encodeViewHash(state: UrlViewState): string {
  const params = new URLSearchParams();
  if (state.mode !== DEFAULT_URL_VIEW.mode) params.set('view', state.mode);
  for (const [field, name] of TEXT_PARAMS) if (state.filter[field] !== '') params.set(name, wellFormed(state.filter[field]));
  for (const [field, name] of FLAG_PARAMS) if (state.filter[field]) params.set(name, '1');
  const follow = state.filter.object ? encodeObject(state.filter.object) : null;
  if (follow !== null) params.set('follow', follow);
  const selected = state.selected ? encodeObject(state.selected) : null;
  if (selected !== null) params.set('obj', selected);
  if (state.detailTab !== DEFAULT_URL_VIEW.detailTab && TAB_PATTERN.test(state.detailTab)) params.set('tab', state.detailTab);
  if (state.diffLayout !== DEFAULT_URL_VIEW.diffLayout) params.set('diff', state.diffLayout);
  return params.toString();
}

/** What a hash says, field by field; absent or invalid parameters are absent here. */
export interface DecodedView {
  mode?: ViewMode;
  /** Filter fields the hash names (the rest are the defaults). */
  filter: Partial<TimelineFilter>;
  selected?: ObjectRef;
  detailTab?: string;
  diffLayout?: DiffLayout;
}

export function decodeViewHash(hash: string): DecodedView {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const decoded: DecodedView = { filter: {} };
  const mode = params.get('view');
  if (mode === 'events' || mode === 'objects') decoded.mode = mode;
  for (const [field, name] of TEXT_PARAMS) {
    const value = params.get(name);
    if (value !== null) decoded.filter[field] = value;
  }
  for (const [field, name] of FLAG_PARAMS) {
    const value = params.get(name);
    if (value !== null) decoded.filter[field] = value === '1' || value === 'true';
  }
  const follow = params.get('follow');
  const followed = follow === null ? null : decodeObject(follow);
  if (followed) decoded.filter.object = followed;
  const obj = params.get('obj');
  const selected = obj === null ? null : decodeObject(obj);
  if (selected) decoded.selected = selected;
  const tab = params.get('tab');
  if (tab !== null && TAB_PATTERN.test(tab)) decoded.detailTab = tab;
  const diff = params.get('diff');
  if (diff === 'inline' || diff === 'side-by-side') decoded.diffLayout = diff;
  return decoded;
}

/** The whole view a hash describes: what it names, defaults for the rest. */
export function viewFromHash(hash: string): UrlViewState & { diffLayoutGiven: boolean } {
  const decoded = decodeViewHash(hash);
  return {
    mode: decoded.mode ?? DEFAULT_URL_VIEW.mode,
    filter: { ...EMPTY_TIMELINE_FILTER, ...decoded.filter },
    selected: decoded.selected ?? null,
    detailTab: decoded.detailTab ?? DEFAULT_URL_VIEW.detailTab,
    diffLayout: decoded.diffLayout ?? DEFAULT_URL_VIEW.diffLayout,
    diffLayoutGiven: decoded.diffLayout !== undefined,
  };
}
