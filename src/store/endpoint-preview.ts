import { normalizeEndpoint } from '../connection/endpoint-url';
import type { EndpointResult } from '../connection/endpoint-url';

/**
 * What Connect would use for a typed endpoint: the same normalisation the session controller runs
 * on connect, so the form's hint never disagrees with it. It sits in the store because features
 * reach connection/ only through the store (docs/architecture.md, Layers); `null` while the field
 * is blank, when there is nothing to check yet.
 */
export function previewEndpoint(input: string): EndpointResult | null {
  return input.trim() === '' ? null : normalizeEndpoint(input);
}
