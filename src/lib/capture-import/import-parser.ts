import { detectFormat } from './detect-format';
import { HarReader } from './har-reader';
import { ImportTally } from './import-tally';
import type { ImportFormat, ImportRecord, ImportSummary } from './import-types';
import { JsonLinesReader } from './json-lines-reader';
import { ValueStreamReader } from './value-stream-reader';

export interface ImportParser {
  /** Feeds the next piece of the decoded text; records go to `onRecord` as they are found. */
  push(chunk: string): void;
  /** No more input: reports a cut-short end and returns the summary. */
  end(): ImportSummary;
  /** The format, once the head has told it (null before, and for content of no known format). */
  readonly format: ImportFormat | null;
  /** Characters held for an unfinished line or value (the parser holds nothing else). */
  readonly bufferedChars: number;
}

interface FormatReader {
  push(chunk: string): void;
  end(): void;
  readonly bufferedChars: number;
}

function readerFor(format: ImportFormat, tally: ImportTally): FormatReader {
  switch (format) {
    case 'capture-jsonl':
      return new JsonLinesReader(tally);
    case 'har':
      return new HarReader(tally);
    case 'json-array':
    case 'drpcli-watch':
      return new ValueStreamReader(tally, format);
  }
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A push parser for every format Import reads (docs/reference/capture-format.md). It holds the
 * head until `detectFormat` can tell the format (at most `DETECT_PEEK_CHARS` plus one chunk, or
 * white space only),
 * then streams everything through that format's reader. Pure: no DOM, no timers; the worker
 * (import-worker.ts) feeds it decoded chunks.
 */
export function createImportParser(onRecord: (record: ImportRecord) => void): ImportParser {
  const tally = new ImportTally(onRecord);
  let head: string[] = [];
  let headChars = 0;
  let reader: FormatReader | null = null;
  let refused = false;
  let format: ImportFormat | null = null;

  const decide = (atEnd: boolean): void => {
    let text = head.join('');
    if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
    const detection = detectFormat(text, atEnd);
    if (detection.kind === 'need-more') {
      head = [text];
      return;
    }
    head = [];
    headChars = 0;
    if (detection.kind === 'empty') {
      refused = true;
      tally.error(1, 'the file is empty', false);
      return;
    }
    if (detection.kind === 'unknown') {
      refused = true;
      tally.error(1, `not a capture, drpcli output, HAR or JSON array (it begins with ${JSON.stringify(detection.found)})`, false);
      return;
    }
    format = detection.format;
    tally.setFormat(format);
    reader = readerFor(format, tally);
    reader.push(text);
  };

  return {
    push(chunk) {
      if (refused || chunk.length === 0) return;
      if (reader) {
        reader.push(chunk);
        return;
      }
      head.push(chunk);
      headChars += chunk.length;
      decide(false);
    },
    end() {
      if (!reader && !refused) decide(true);
      const active = reader as FormatReader | null;
      active?.end();
      return tally.result();
    },
    get format() {
      return format;
    },
    get bufferedChars() {
      return reader ? (reader as FormatReader).bufferedChars : headChars;
    },
  };
}
