import { formatBytes } from '../../lib/format-bytes';

interface LargePayloadNoticeProps {
  bytes: number;
  /** What is held back, e.g. "The JSON tree". */
  subject: string;
  /** The button that shows it anyway. */
  action: string;
  onShow: () => void;
}

/** Stands in for a view that would freeze the page on a giant event until the user asks for it. */
export function LargePayloadNotice({ bytes, subject, action, onShow }: LargePayloadNoticeProps) {
  return (
    <div className="large-payload" role="note" data-testid="large-payload-notice">
      <p>
        This event is {formatBytes(bytes)}. {subject} is not built automatically: it can take seconds and a lot of memory.
      </p>
      <button type="button" onClick={onShow}>
        {action}
      </button>
    </div>
  );
}
