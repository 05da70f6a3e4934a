import { useRef } from 'react';

interface ImportButtonProps {
  disabled: boolean;
  onFile(file: File): void;
}

/** `Import`: a file picker (any file: the format is told from the content, not the name). */
export function ImportButton({ disabled, onFile }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={disabled}>
        Import
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="import-file"
        aria-label="Import file"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
