/**
 * What an import produces (docs/reference/capture-format.md, "Import"). Pure data: the parser, the
 * worker and the main-thread client share these shapes, and none of them holds a DOM type.
 */

/**
 * The formats Import reads, told apart by content (detect-format.ts), never by file name:
 * - `capture-jsonl`: our own capture / export file, JSON Lines with `$inspector` markers;
 * - `drpcli-watch`: `drpcli events watch` output, pretty-printed JSON values one after another;
 * - `har`: a browser HAR whose entries carry `_webSocketMessages`;
 * - `json-array`: one JSON array of events.
 */
export type ImportFormat = 'capture-jsonl' | 'drpcli-watch' | 'har' | 'json-array';

export interface CaptureMarkerBase {
  /** 1-based line of the file where the marker starts. */
  line: number;
}

/** The four marker kinds of docs/reference/capture-format.md, with the members it names. */
export type CaptureMarker =
  | (CaptureMarkerBase & { kind: 'capture'; version: number; source?: string; endpoint?: string; user?: string; startedAt?: string })
  | (CaptureMarkerBase & { kind: 'subscription'; spec: string; at: string; state: string })
  | (CaptureMarkerBase & { kind: 'gap'; from: string; to: string; reason: string })
  | (CaptureMarkerBase & { kind: 'end'; at: string; events: number });

export type ImportRecord =
  /** One event, as JSON text ready for `receiveTextFrame` (connection/received-frame.ts). */
  | { kind: 'event'; text: string; line: number }
  /** `atEvent`: how many events of this import came before it (gaps sit in arrival order). */
  | { kind: 'marker'; marker: CaptureMarker; atEvent: number }
  | { kind: 'error'; line: number; message: string };

export interface ImportIssue {
  line: number;
  message: string;
}

export interface ImportSummary {
  /** null when the content matched no format (the errors say what was found). */
  format: ImportFormat | null;
  events: number;
  /** Values or lines that were not imported because they were broken (each has an error). */
  skipped: number;
  /** Subscription acks (`Type: "websocket"`, drp-protocol.md §2.3): frames, not events; left out. */
  acks: number;
  /** Known markers read. */
  markers: number;
  /** Markers of a kind this reader does not know: skipped, as the format asks. */
  unknownMarkers: number;
  /** HAR only: frames that were sent, binary, or on a socket that is not DRP's event socket. */
  ignoredFrames: number;
  /** The first 100 problems, in file order. */
  errors: ImportIssue[];
  /** How many problems there were in all (errors holds at most 100). */
  errorCount: number;
  /** The input ended in the middle of a line or a value: everything before the cut was kept. */
  truncated: boolean;
  /** Whether the capture's `end` marker was read (a capture file without one was cut short). */
  sawEndMarker: boolean;
  /** Lines read (the last one counts even without its newline). */
  lines: number;
}
