/**
 * Nesting depth of a parsed JSON value, measured without recursion (a hostile frame can nest
 * 100,000 levels; V8 parses that, but a recursive walk would overflow the stack). Stops as soon as
 * the depth exceeds `limit` and returns `limit + 1`, so a huge but shallow object costs one walk and
 * a deep one costs almost nothing. Scalars have depth 0, `{}` and `[]` depth 1.
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  return jsonDepth(value, limit) > limit;
}

export function jsonDepth(value: unknown, limit: number = Number.POSITIVE_INFINITY): number {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return limit + 1;
    }
    const children = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
