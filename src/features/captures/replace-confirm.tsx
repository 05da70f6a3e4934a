import { useCaptureController, useCaptureState } from '../../store/capture-context';

/** Opening a file or a stored capture replaces the buffer: said before anything is dropped. */
export function ReplaceConfirm() {
  const controller = useCaptureController();
  const pending = useCaptureState((state) => state.pendingOpen);
  if (!pending) return null;
  const losses = [
    pending.buffered > 0 ? `replaces the ${pending.buffered} events in the buffer` : '',
    pending.connected ? 'disconnects from the endpoint' : '',
  ].filter((text) => text !== '');
  return (
    <div className="captures-confirm" role="alertdialog" aria-label="Replace the buffer?">
      <span>
        Opening {pending.name} {losses.join(' and ')}.{' '}
        {pending.recorded ? 'They are recorded to disk: Captures reopens them.' : 'They are not on disk: Export them first to keep them.'}
      </span>
      <button type="button" onClick={() => controller.confirmOpen()}>
        Open and replace
      </button>
      <button type="button" onClick={() => controller.cancelOpen()}>
        Keep buffer
      </button>
    </div>
  );
}
