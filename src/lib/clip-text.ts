/** Header strings (Type, Key, Principal, ...) are cut to this many characters for display. */
export const MAX_HEADER_CHARS = 500;

/** `text`, cut to `max` characters with an ellipsis: a 20 MB Key must not reach layout. */
export function clipText(text: string, max: number = MAX_HEADER_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
