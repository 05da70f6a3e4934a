/**
 * Small re-implementations of the Go `strings` helpers the DRP server and client use, so that the
 * inspector and the simulator trim and split exactly like Go does (docs/reference/drp-protocol.md §2.1, §3.2).
 */

/**
 * Go's `unicode.IsSpace`: the Latin-1 spaces (incl. U+0085 NEL and U+00A0 NBSP) plus Unicode
 * White_Space. It differs from JS `String.prototype.trim`, which also strips U+FEFF (BOM) and
 * does not strip U+0085; using JS trim would store a different spec than the server does.
 */
export function isGoSpace(codeUnit: number): boolean {
  switch (codeUnit) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return codeUnit >= 0x2000 && codeUnit <= 0x200a;
  }
}

/** Go `strings.TrimSpace`. All Go space characters are in the BMP, so code units suffice. */
export function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  while (end > start && isGoSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Go `strings.SplitN(text, sep, n)` for n > 0: at most n parts, the last keeps the rest
 * (including further separators).
 */
export function goSplitN(text: string, sep: string, n: number): string[] {
  const parts: string[] = [];
  let from = 0;
  while (parts.length < n - 1) {
    const at = text.indexOf(sep, from);
    if (at < 0) break;
    parts.push(text.slice(from, at));
    from = at + sep.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/**
 * UTF-8 length of a JS string, counted like `TextEncoder` (a lone surrogate becomes U+FFFD, 3 bytes).
 * Hand-rolled because chunking calls it per key; tests check it against TextEncoder.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
