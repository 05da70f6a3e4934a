/**
 * Successive versions of one object as DRP frames (docs/reference/drp-protocol.md §4.1), each with
 * its own principal and second, for the History, Compare and Blame tests.
 */
export function versionFrame(
  object: unknown,
  { principal = 'user:rocketskates', second = 0, action = 'save', type = 'profiles', key = 'global' } = {},
): string {
  return JSON.stringify({
    Time: `2021-08-30T14:02:${String(second).padStart(2, '0')}.000000001Z`,
    Type: type,
    Action: action,
    Key: key,
    Principal: principal,
    Object: object,
    Original: null,
  });
}
