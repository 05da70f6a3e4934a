import { useEffect } from 'react';
import type { RefObject } from 'react';

interface SecretInputProps {
  id: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Put into the field once, as a property (e.g. a remembered token). */
  initialValue?: string;
  autoComplete: string;
  className?: string;
}

/**
 * A password-type field React does not control. React mirrors a controlled input's value into its
 * `value` attribute, so a controlled password or token would sit in the DOM markup (devtools, DOM
 * snapshots in test traces, extensions reading outerHTML). Read it through `inputRef` on submit.
 */
export function SecretInput({ id, inputRef, initialValue = '', autoComplete, className }: SecretInputProps) {
  useEffect(() => {
    if (inputRef.current && initialValue !== '') inputRef.current.value = initialValue;
    // Only the first value: after that the field belongs to the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return <input id={id} ref={inputRef} className={className} type="password" autoComplete={autoComplete} spellCheck={false} />;
}
