import type { ObjectFacts } from '../../lib/object-facts';
import type { DrpTimestamp } from '../../protocol/time';
import type { HeaderRecord } from '../../store/disk-tier';
import type { ObjectEntry } from '../../store/object-index';

/**
 * One row of the Objects view: a copy of what the store knows about one object (Type+Key) at the
 * moment of a refresh. A copy, because the store's entries change in place as events arrive, and a
 * sorted list must not reorder under the reader between refreshes.
 */
export interface ObjectRow {
  /** `Type + NUL + Key`, the row's identity. */
  id: string;
  type: string;
  key: string;
  /** The display name (machine Name, job's machine and task, lease address), or the Key. */
  name: string;
  /** Buffered versions; `seen - versions` were evicted. */
  versions: number;
  seen: number;
  newestSeq: number;
  /** The newest version's action, time and principal. */
  action: string;
  time: DrpTimestamp | null;
  timeText: string;
  principal: string;
  /** `runner:<machine name>` for a runner principal whose machine is known. */
  principalName: string | undefined;
  facts: ObjectFacts | null;
  /** Lower-cased name, for sorting and the key facet without a case conversion per comparison. */
  nameLower: string;
}

/** What the rows are read from: the store's event reader has exactly this shape. */
export interface ObjectSource {
  forEachObject(visit: (entry: ObjectEntry) => void): void;
  /** The newest version's header: from the ring, or from disk when it was read back (the deep window). */
  header(seq: number): HeaderRecord | undefined;
  /** What the disk index alone says of a version on disk (before its header is read). */
  indexedAction(seq: number): string;
  indexedPrincipal(seq: number): string;
  readonly displayNames: {
    keyLabel(type: string, key: string): string | undefined;
    principalLabel(principal: string): string | undefined;
  };
}

/** Every object with a buffered version, in first-seen order. */
export function collectObjectRows(source: ObjectSource): ObjectRow[] {
  const rows: ObjectRow[] = [];
  const names = source.displayNames;
  source.forEachObject((entry) => {
    const record = source.header(entry.newestSeq);
    const name = names.keyLabel(entry.type, entry.key) ?? entry.facts?.name ?? entry.facts?.address ?? entry.key;
    const principal = record?.principal ?? source.indexedPrincipal(entry.newestSeq);
    rows.push({
      id: entry.id,
      type: entry.type,
      key: entry.key,
      name,
      versions: entry.buffered,
      seen: entry.seen,
      newestSeq: entry.newestSeq,
      action: record?.action ?? source.indexedAction(entry.newestSeq),
      time: record?.time ?? null,
      timeText: record?.timeText ?? '',
      principal,
      principalName: principal === '' ? undefined : names.principalLabel(principal),
      facts: entry.facts,
      nameLower: name.toLowerCase(),
    });
  });
  return rows;
}
