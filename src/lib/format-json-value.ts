/**
 * Short, single-line JSON text of a value for diff entries, e.g. `"blatz"`, `null`, `[]`,
 * `{"Name":"eth0",…`. Strings are shown quoted so `"null"` and `null` differ.
 */
export function formatJsonValue(value: unknown, maxLength = 160): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
