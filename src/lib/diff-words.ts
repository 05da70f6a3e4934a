/**
 * The words for diff outcomes that both the timeline's Change column and the detail pane's Diff tab
 * show, so the two never drift apart ("first version seen" in a row means the same as in the pane).
 * e2e tests and users read them literally.
 */
export const DIFF_WORDS = {
  noChanges: 'no changes',
  first: 'first version seen',
  evicted: 'previous version evicted',
  deleted: 'deleted',
} as const;

/** Why two versions could not be compared, by the store's reason code. */
export const UNAVAILABLE_REASON_WORDS = {
  'too-deep': 'nested too deeply to compare',
} as const;

/** "1 change", "3 changes". */
export function changeCount(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`;
}
