import type { StoredHeader } from '../lib/capture-storage/chunk-index';
import { NO_CHANGES } from '../lib/change-facts';
import type { ChangeFacts } from '../lib/change-facts';
import { parseDrpTime } from '../protocol/time';
import type { DiskIndex } from './disk-index';
import type { EventRecord } from './event-record';

function isChangeFacts(value: unknown): value is ChangeFacts {
  if (typeof value !== 'object' || value === null) return false;
  const { paths, roots, values, count } = value as Partial<ChangeFacts>;
  return Array.isArray(paths) && Array.isArray(roots) && Array.isArray(values) && typeof count === 'number';
}

/** A stored chunk read back: its lines as UTF-8 bytes and the headers stored beside them. */
export interface LoadedChunk {
  bytes: Uint8Array;
  headers: readonly StoredHeader[] | null;
}

/** Where recorded chunks are read from: a whole chunk, or only the headers of some (History). */
export interface ChunkLoader {
  chunk(rowId: number): Promise<LoadedChunk | null>;
  headers(rowIds: readonly number[]): Promise<(readonly StoredHeader[] | null)[]>;
}

/** A record without its frame text: what a History row or a summary reads. */
export type HeaderRecord = Omit<EventRecord, 'raw' | 'textBytes'>;

/** A recorded event's fields: its object, action and principal from the index, the rest from its stored header. */
export function storedFields(index: DiskIndex, seq: number, header: StoredHeader | undefined, length: number): HeaderRecord {
  const object = index.objectAt(seq);
  const timeText = header?.[0] ?? '';
  return {
    seq,
    receivedAt: 0,
    time: parseDrpTime(timeText),
    timeText,
    type: object?.type ?? '',
    action: index.actionAt(seq),
    key: object?.key ?? '',
    principal: index.principalAt(seq),
    bytes: header?.[1] ?? length,
    hasOriginal: header?.[2] === 1,
    prevSeq: index.previousSeq(seq),
    // Stored headers come from disk: a damaged one gives "changes unknown", never a crash later.
    changes: isChangeFacts(header?.[3]) ? header[3] : NO_CHANGES,
    facts: typeof header?.[4] === 'object' ? header[4] : null,
  };
}
