/**
 * A JSON object as `JSON.parse` gives it: not null and not an array. Lives in protocol/ because the
 * frame parser, the REST client, the lib helpers and the simulator's request handlers all need the
 * same test, and protocol/ is the one folder every one of them may import.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
