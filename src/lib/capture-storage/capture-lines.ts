import type { CaptureMeta, StoredGap } from './capture-records';

const NEWLINE = 0x0a;

/** Where the `count`-th line of `bytes` ends (just past its newline); bytes.length if it has fewer. */
export function endOfLines(bytes: Uint8Array, count: number): number {
  let seen = 0;
  let at = 0;
  while (seen < count) {
    const next = bytes.indexOf(NEWLINE, at);
    if (next < 0) return bytes.length;
    at = next + 1;
    seen += 1;
  }
  return at;
}

function line(value: object): string {
  return `${JSON.stringify(value)}\n`;
}

function gapLine(gap: StoredGap): string {
  return line({ $inspector: 'gap', from: gap.from, to: gap.to, reason: gap.reason });
}

/** The decoded lines of one stored chunk. */
export interface ChunkLines {
  firstEvent: number;
  count: number;
  bytes: Uint8Array;
}

/** The capture marker and the subscription history: what goes before the events. */
export function headerLines(meta: CaptureMeta): string[] {
  const header = [
    line({
      $inspector: 'capture',
      version: 1,
      source: meta.source === 'live' ? 'app' : 'import',
      endpoint: meta.endpoint,
      user: meta.user,
      startedAt: meta.startedAt,
    }),
  ];
  for (const item of meta.subscriptions) header.push(line({ $inspector: 'subscription', spec: item.spec, at: item.at, state: item.state }));
  return header;
}

/**
 * One chunk's events with the capture's gap markers put where they happened (docs/reference/
 * capture-format.md: "placed where the gap happened in arrival order"). Gaps are the capture's,
 * sorted by `afterEvent`; the ones this chunk holds are those after its first event and up to its
 * last. The chunk's bytes are sliced, never decoded.
 */
export function chunkParts(chunk: ChunkLines, gaps: readonly StoredGap[]): BlobPart[] {
  const parts: BlobPart[] = [];
  let from = 0;
  for (const gap of gaps) {
    const within = gap.afterEvent - chunk.firstEvent;
    if (within <= 0 || within > chunk.count) continue;
    const cut = endOfLines(chunk.bytes, within);
    parts.push(chunk.bytes.subarray(from, cut) as Uint8Array<ArrayBuffer>, gapLine(gap));
    from = cut;
  }
  parts.push(chunk.bytes.subarray(from) as Uint8Array<ArrayBuffer>);
  return parts;
}

/** Gaps before the first kept event (the cap evicted the events around them): written first. */
export function leadingGaps(meta: CaptureMeta, firstKept: number): string[] {
  return meta.gaps.filter((gap) => gap.afterEvent <= firstKept).map(gapLine);
}

/** The `end` marker of a capture that stopped cleanly, with the events still on disk. */
export function endLines(meta: CaptureMeta, eventsKept: number): string[] {
  return meta.ended ? [line({ $inspector: 'end', at: meta.endedAt, events: eventsKept })] : [];
}
