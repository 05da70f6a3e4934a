import { useMemo } from 'react';
import { jsonDepthExceeds } from '../../lib/json-depth';
import { JsonTree } from '../../lib/json-tree';
import { maskSecrets } from '../../lib/mask-secrets';
import { HUGE_PAYLOAD_CHARS, MAX_NESTING_DEPTH } from '../../lib/payload-limits';
import { useEventReader } from '../../store/store-context';

/** Above this frame size the tree opens only two levels (a machine's gohai-inventory is huge, docs/reference/drp-protocol.md §6). */
const BIG_EVENT_BYTES = 16_000;
const BIG_EXPAND_DEPTH = 2;

interface ObjectTabProps {
  seq: number;
  bytes: number;
  masked: boolean;
}

/** The event's Object as a JSON tree, secrets masked unless revealed (giant events reach it only through the large-payload gate). */
export function ObjectTab({ seq, bytes, masked }: ObjectTabProps) {
  const events = useEventReader();
  // Parsed lazily from the raw frame on first view (store LRU), once per selected seq.
  const object = useMemo(() => events.object(seq), [events, seq]);
  const shown = useMemo(() => (masked ? maskSecrets(object) : object), [object, masked]);
  // Iterative and stops early, so cheap next to rendering; a hostile tree opens one level only.
  const deep = useMemo(() => jsonDepthExceeds(object, MAX_NESTING_DEPTH), [object]);
  const expandDepth = deep || bytes > HUGE_PAYLOAD_CHARS ? 1 : bytes > BIG_EVENT_BYTES ? BIG_EXPAND_DEPTH : Infinity;
  return (
    <div className="detail-object">
      {deep && (
        <p className="detail-notice" role="note" data-testid="deep-payload-notice">
          Nested more than {MAX_NESTING_DEPTH} levels deep: the tree opens collapsed.
        </p>
      )}
      <JsonTree value={shown} expandDepth={expandDepth} label="Event Object" />
    </div>
  );
}
