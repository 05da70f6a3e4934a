/** `?endpoint=` pre-fills the Endpoint field, so a link can point the inspector at a server. */
export function initialEndpointFromUrl(search: string = window.location.search): string {
  return new URLSearchParams(search).get('endpoint') ?? '';
}

/** Where DRP's static file server puts what `drpcli files upload` stored (README, "Deploy into DRP"). */
const DRP_FILES_PATH = '/files/';

/**
 * The endpoint that served this page, when it is a DRP file-server URL: `drpcli files upload
 * inspector.html as inspector/index.html` puts the single-file build at
 * `https://<drp>:8092/files/inspector/index.html`, on the API's own origin, so the page's origin is
 * the endpoint. Anything before `/files/` is kept as a path prefix (a reverse proxy's `/drp`).
 *
 * Told by the path alone rather than by asking `<origin>/api/v3/info`: the answer needs no request
 * (and no 404 in every other host's console), and a wrong guess costs only a pre-filled field the
 * user can edit. Not covered: DRP's plain-HTTP static port (8091) serves the same files without the
 * API, so a page opened there pre-fills an endpoint that will not answer.
 */
export function endpointServingPage(location: Pick<Location, 'protocol' | 'origin' | 'pathname'> = window.location): string {
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return '';
  const at = location.pathname.indexOf(DRP_FILES_PATH);
  return at < 0 ? '' : `${location.origin}${location.pathname.slice(0, at)}`;
}

/** A link's `?endpoint=` first, then the endpoint of the last Connect, then the DRP that served the page. */
export function initialEndpoint(rememberedEndpoint: string): string {
  return initialEndpointFromUrl() || rememberedEndpoint || endpointServingPage();
}
