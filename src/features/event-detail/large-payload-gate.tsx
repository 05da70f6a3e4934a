import { useState } from 'react';
import type { ReactNode } from 'react';
import { formatBytes } from '../../lib/format-bytes';
import { HUGE_PAYLOAD_CHARS } from '../../lib/payload-limits';

interface LargePayloadGateProps {
  /** The size the view would have to parse or lay out (characters of frame text). */
  bytes: number;
  /** What is held back, e.g. "The JSON tree". */
  subject: string;
  /** The button that shows it anyway. */
  action: string;
  /** The view; not rendered while held back. */
  children: ReactNode;
}

/**
 * Holds back a view that would freeze the page on a giant event (over HUGE_PAYLOAD_CHARS) until the
 * user asks for it; smaller events pass straight through. Every detail tab gates the same way.
 */
export function LargePayloadGate({ bytes, subject, action, children }: LargePayloadGateProps) {
  const [shown, setShown] = useState(false);
  if (shown || bytes <= HUGE_PAYLOAD_CHARS) return children;
  return (
    <div className="large-payload" role="note" data-testid="large-payload-notice">
      <p>
        This event is {formatBytes(bytes)}. {subject} is not built automatically: it can take seconds and a lot of memory.
      </p>
      <button type="button" onClick={() => setShown(true)}>
        {action}
      </button>
    </div>
  );
}
