import { isSecretField } from './mask-secrets';

/**
 * Whether the value at `segments` inside `root` is a secret or sits inside one (a `Secret`, a
 * secure-param envelope's fields, a secret preference's `Val` and everything under it;
 * lib/mask-secrets.ts decides what a secret is). For views that show single leaves (Blame) and
 * would otherwise mask a whole object to show a few of its values. O(depth).
 */
export function isSecretPath(root: unknown, segments: readonly (string | number)[]): boolean {
  let node: unknown = root;
  for (const segment of segments) {
    if (isSecretField(node, segment)) return true;
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return false;
}
