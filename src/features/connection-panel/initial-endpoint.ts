/** `?endpoint=` pre-fills the Endpoint field, so a link can point the inspector at a server. */
export function initialEndpointFromUrl(search: string = window.location.search): string {
  return new URLSearchParams(search).get('endpoint') ?? '';
}
