/** Starts a download of `blob` as `fileName` (an anchor with `download`): Export and the Captures dialog. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the blob can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
