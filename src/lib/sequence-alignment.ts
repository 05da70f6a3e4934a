/**
 * Aligns two arrays of primitives (Profiles, Tasks, HardwareAddrs, ...) so that inserting or
 * removing one item reports just that item, not every item after it. Longest common subsequence
 * over the part between the common head and tail; no move detection (a moved item is one removal
 * plus one addition).
 */

export type AlignmentStep =
  | { kind: 'changed'; beforeIndex: number; afterIndex: number }
  | { kind: 'removed'; beforeIndex: number }
  | { kind: 'added'; afterIndex: number };

/** Above this many DP cells (500 x 500 differing items) we fall back to pairing by position. */
export const MAX_LCS_CELLS = 250_000;

type Primitive = string | number | boolean | null;

/**
 * Emits the steps for one gap between matched items: pairs by position first (an edited item reads
 * better as "a → b" than as a removal plus an addition), then the surplus as removed or added.
 */
function emitGap(out: AlignmentStep[], beforeFrom: number, beforeTo: number, afterFrom: number, afterTo: number): void {
  const paired = Math.min(beforeTo - beforeFrom, afterTo - afterFrom);
  for (let k = 0; k < paired; k++) out.push({ kind: 'changed', beforeIndex: beforeFrom + k, afterIndex: afterFrom + k });
  for (let i = beforeFrom + paired; i < beforeTo; i++) out.push({ kind: 'removed', beforeIndex: i });
  for (let j = afterFrom + paired; j < afterTo; j++) out.push({ kind: 'added', afterIndex: j });
}

function lcsTable(a: readonly Primitive[], b: readonly Primitive[], lo: number, aHi: number, bHi: number): Uint32Array {
  const n = aHi - lo;
  const m = bHi - lo;
  const width = m + 1;
  // table[i*width + j] = LCS length of a[lo+i..aHi) and b[lo+j..bHi) (suffixes, so backtracking walks forward).
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[lo + i] === b[lo + j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  return table;
}

/** Only the differences; equal, matched items produce no step. */
export function alignSequences(a: readonly Primitive[], b: readonly Primitive[], maxCells = MAX_LCS_CELLS): AlignmentStep[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > head && bEnd > head && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  const out: AlignmentStep[] = [];
  const n = aEnd - head;
  const m = bEnd - head;
  if (n === 0 || m === 0 || n * m > maxCells) {
    emitGap(out, head, aEnd, head, bEnd);
    return out;
  }
  const table = lcsTable(a, b, head, aEnd, bEnd);
  const width = m + 1;
  let i = 0;
  let j = 0;
  let gapI = 0;
  let gapJ = 0;
  while (i < n && j < m) {
    if (a[head + i] === b[head + j]) {
      emitGap(out, head + gapI, head + i, head + gapJ, head + j);
      i++;
      j++;
      gapI = i;
      gapJ = j;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  emitGap(out, head + gapI, aEnd, head + gapJ, bEnd);
  return out;
}
