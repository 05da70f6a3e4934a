/**
 * The diff's layout and `Ignore paths`, kept across reloads (choices about reading, not secrets).
 * A link's `diff=` wins over the remembered layout (view-state-sync.tsx).
 */
import type { DiffLayout } from '../store/view-state';

export const DIFF_LAYOUT_KEY = 'drp-inspector.diff-layout';
export const IGNORE_PATHS_KEY = 'drp-inspector.ignore-paths';
/** A pasted list of paths is small; anything bigger is not what this box holds. */
const MAX_IGNORE_PATHS_CHARS = 4000;

export interface RememberedViewPrefs {
  diffLayout?: DiffLayout;
  ignorePaths?: string;
}

export function readRememberedViewPrefs(): RememberedViewPrefs {
  const prefs: RememberedViewPrefs = {};
  try {
    const layout = localStorage.getItem(DIFF_LAYOUT_KEY);
    if (layout === 'inline' || layout === 'side-by-side') prefs.diffLayout = layout;
    const ignore = localStorage.getItem(IGNORE_PATHS_KEY);
    if (ignore !== null && ignore.length <= MAX_IGNORE_PATHS_CHARS) prefs.ignorePaths = ignore;
  } catch {
    // Storage disabled (privacy settings, sandboxed frames): the defaults.
  }
  return prefs;
}

export function writeRememberedViewPrefs(prefs: RememberedViewPrefs): void {
  try {
    if (prefs.diffLayout !== undefined) localStorage.setItem(DIFF_LAYOUT_KEY, prefs.diffLayout);
    if (prefs.ignorePaths !== undefined && prefs.ignorePaths.length <= MAX_IGNORE_PATHS_CHARS)
      localStorage.setItem(IGNORE_PATHS_KEY, prefs.ignorePaths);
  } catch {
    // Full or disabled: the choice lasts for this page only.
  }
}
