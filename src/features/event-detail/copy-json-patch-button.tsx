import { useState } from 'react';
import { jsonPatchBetween, maskJsonPatch } from '../../lib/json-patch';

interface CopyJsonPatchButtonProps {
  /** The two objects the diff compares; `available` false when there are none (first version, delete). */
  before: unknown;
  after: unknown;
  available: boolean;
  masked: boolean;
}

const operationsText = (count: number): string => `${count} ${count === 1 ? 'operation' : 'operations'}`;

/**
 * Copies the RFC 6902 operations that turn the diff's base into the selected version, complete
 * (ignored paths included: a patch that skips changes would not give the selected version). While
 * secrets are masked the patch carries the mask where a secret changed, and says so: it still
 * applies, but would write the mask; revealing secrets copies the real values.
 */
export function CopyJsonPatchButton({ before, after, available, masked }: CopyJsonPatchButtonProps) {
  const [message, setMessage] = useState('');
  const copy = async (): Promise<void> => {
    const patch = jsonPatchBetween(before, after);
    const { operations, masked: maskedCount } = masked ? maskJsonPatch(patch, before, after) : { operations: patch, masked: 0 };
    try {
      if (!navigator.clipboard) throw new Error('the clipboard needs a secure page (https or localhost)');
      await navigator.clipboard.writeText(JSON.stringify(operations, null, 2));
      setMessage(
        maskedCount === 0
          ? `Copied ${operationsText(operations.length)}.`
          : `Copied ${operationsText(operations.length)}; ${maskedCount} with secret values masked (clear Mask secrets to copy the real values).`,
      );
    } catch (error) {
      setMessage(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} disabled={!available}>
        Copy as JSON Patch
      </button>
      <span className="detail-diff__copied" role="status" data-testid="json-patch-status">
        {message}
      </span>
    </>
  );
}
