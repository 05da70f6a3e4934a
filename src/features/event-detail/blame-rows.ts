import type { BlameLeaf } from '../../store/object-history';

/** A line of the Blame tree: an object or array that holds leaves, or a leaf. */
export type BlameRow =
  | { kind: 'branch'; id: string; depth: number; label: string }
  | { kind: 'leaf'; id: string; depth: number; label: string; leaf: BlameLeaf };

const stepLabel = (step: string | number): string => (typeof step === 'number' ? `[${step}]` : step === '' ? '""' : step);

/**
 * Leaves (depth first, as Blame lists them) as an indented tree: before each leaf, a branch line
 * for every ancestor the previous leaf did not share. Pure, so the tab only renders.
 */
export function blameRows(leaves: readonly BlameLeaf[]): BlameRow[] {
  const rows: BlameRow[] = [];
  let previous: readonly (string | number)[] = [];
  for (const leaf of leaves) {
    const { segments } = leaf;
    let shared = 0;
    while (shared < segments.length - 1 && shared < previous.length - 1 && segments[shared] === previous[shared]) shared += 1;
    for (let depth = shared; depth < segments.length - 1; depth++) {
      rows.push({ kind: 'branch', id: `b:${leaf.path}:${depth}`, depth, label: stepLabel(segments[depth]) });
    }
    const depth = Math.max(segments.length - 1, 0);
    rows.push({
      kind: 'leaf',
      id: `l:${leaf.path}`,
      depth,
      label: segments.length === 0 ? '(whole object)' : stepLabel(segments[depth]),
      leaf,
    });
    previous = segments;
  }
  return rows;
}
