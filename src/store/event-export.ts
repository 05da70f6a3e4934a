import { maskSecrets } from '../lib/mask-secrets';
import type { EventReader } from './event-reader';
import type { EventRecord } from './event-record';

export interface ExportOptions {
  /** Mask `Secret`, `PasswordHash`, `Token`, secure-param envelopes and secret preferences (default on in the UI). */
  mask: boolean;
  /** Events processed between two yields to the browser. */
  chunkSize?: number;
  /** How to give the main thread back between chunks; default a zero timeout. */
  yieldToUi?: () => Promise<void>;
}

export interface ExportResult {
  /** One JSON document per line, each ending in "\n" (JSON Lines), ready for `new Blob(lines)`. */
  lines: string[];
  exported: number;
  /** Events left out because they could not be masked (nested too deeply); never exported unmasked. */
  skipped: number;
  /** Events evicted between choosing them and exporting them. */
  missing: number;
}

const DEFAULT_CHUNK = 500;
const zeroTimeout = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The chosen buffered events as JSON Lines. Unmasked, a line is the frame exactly as received;
 * masked, it is the event parsed, masked (docs/reference/drp-protocol.md §4.3, §7.12: exports mask by default) and
 * serialised again. Works in chunks and yields between them, so exporting a full 50,000-event buffer
 * does not freeze the page. The connection token never appears: it is not part of any event.
 */
export async function exportEvents(events: EventReader, seqs: readonly number[], options: ExportOptions): Promise<ExportResult> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const yieldToUi = options.yieldToUi ?? zeroTimeout;
  const result: ExportResult = { lines: [], exported: 0, skipped: 0, missing: 0 };
  for (let start = 0; start < seqs.length; start += chunkSize) {
    if (start > 0) await yieldToUi();
    const slice = seqs.slice(start, start + chunkSize);
    for (let at = 0; at < slice.length; at += READ_BACK_SEQS) {
      const part = slice.slice(at, at + READ_BACK_SEQS);
      // Events on disk (the deep window) are read back first, a few chunks at a time.
      const read = part.some((seq) => events.reading(seq)) ? await events.readBack(part) : undefined;
      exportPart((seq) => read?.get(seq) ?? events.record(seq), part, options, result);
    }
  }
  return result;
}

/** At most this many events are read back from disk at once (at most as many chunks, under the tier's per-read limit). */
const READ_BACK_SEQS = 40;

function exportPart(
  recordOf: (seq: number) => EventRecord | undefined,
  seqs: readonly number[],
  options: ExportOptions,
  result: ExportResult,
): void {
  for (const seq of seqs) {
    const record = recordOf(seq);
    if (!record) {
      result.missing += 1;
      continue;
    }
    const line = options.mask ? maskedLine(record.raw) : record.raw;
    if (line === null) {
      result.skipped += 1;
      continue;
    }
    result.lines.push(`${line}\n`);
    result.exported += 1;
  }
}

function maskedLine(raw: string): string | null {
  try {
    return JSON.stringify(maskSecrets(JSON.parse(raw)));
  } catch {
    // Stack overflow on a pathologically nested frame: leave it out rather than export it unmasked.
    return null;
  }
}
