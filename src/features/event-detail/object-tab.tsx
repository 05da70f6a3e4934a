import { useMemo } from 'react';
import { JsonTree } from '../../lib/json-tree';
import { getEventObject } from '../../store/read-helpers';
import { useInspectorStoreApi } from '../../store/store-context';

/** Above this frame size the tree opens only two levels (a machine's gohai-inventory is huge, drp-protocol.md §6). */
const BIG_EVENT_BYTES = 16_000;
const BIG_EXPAND_DEPTH = 2;

interface ObjectTabProps {
  seq: number;
  bytes: number;
}

export function ObjectTab({ seq, bytes }: ObjectTabProps) {
  const store = useInspectorStoreApi();
  // Parsed lazily from the raw frame on first view (store LRU), once per selected seq.
  const object = useMemo(() => getEventObject(store, seq), [store, seq]);
  return (
    <div className="detail-object">
      <JsonTree value={object} expandDepth={bytes > BIG_EVENT_BYTES ? BIG_EXPAND_DEPTH : Infinity} label="Event Object" />
    </div>
  );
}
