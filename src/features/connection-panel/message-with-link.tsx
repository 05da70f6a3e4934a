interface MessageWithLinkProps {
  message: string;
  /** Shown as a link where it appears in the message (or after it); opened in a new tab. */
  url?: string;
}

/**
 * An error message whose certificate URL is clickable: the user has to open the endpoint in a tab
 * and accept its self-signed certificate before a socket can connect (docs/reference/drp-protocol.md §1.5).
 */
export function MessageWithLink({ message, url }: MessageWithLinkProps) {
  if (!url) return <>{message}</>;
  const link = (
    <a href={url} target="_blank" rel="noreferrer">
      {url}
    </a>
  );
  const at = message.indexOf(url);
  if (at < 0) {
    return (
      <>
        {message} {link}
      </>
    );
  }
  return (
    <>
      {message.slice(0, at)}
      {link}
      {message.slice(at + url.length)}
    </>
  );
}
