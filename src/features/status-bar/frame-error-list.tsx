import { formatTimeOfDay } from '../../lib/format-time-of-day';
import { useInspectorStore } from '../../store/store-context';

interface FrameErrorListProps {
  malformed: number;
}

/** The malformed-frame counter, expandable to the last frame errors (previews are plain text). */
export function FrameErrorList({ malformed }: FrameErrorListProps) {
  const frameErrors = useInspectorStore((state) => state.frameErrors);
  const label = (
    <>
      malformed{' '}
      <b className="mono" data-testid="malformed-count">
        {String(malformed)}
      </b>
    </>
  );
  if (frameErrors.length === 0) return <span className="stat">{label}</span>;
  return (
    <details className={`stat frame-errors${malformed > 0 ? ' error-text' : ''}`}>
      <summary>{label}</summary>
      <ol className="frame-error-list" data-testid="frame-errors">
        {frameErrors
          .slice()
          .reverse()
          .map((error, index) => (
            <li key={`${error.at}-${index}`}>
              <span className="mono muted">{formatTimeOfDay(error.at)}</span> {error.reason}{' '}
              <span className="muted">({error.bytes} chars)</span>
              {error.preview !== '' && <code className="preview">{error.preview}</code>}
            </li>
          ))}
      </ol>
    </details>
  );
}
