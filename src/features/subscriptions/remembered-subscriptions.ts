/**
 * The subscription list of each endpoint, kept across reloads (specs are not secrets). Keyed by the
 * normalized REST base (`https://drp:8092`), so `drp` and `https://drp:8092` share one list. The
 * server forgets every spec with the socket (docs/reference/drp-protocol.md §2.3); this list is
 * only offered back to the user, never sent on its own.
 */
export const REMEMBERED_SUBSCRIPTIONS_KEY = 'drp-inspector.subscriptions';

type ListsByEndpoint = Record<string, string[]>;

function readAll(): ListsByEndpoint {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REMEMBERED_SUBSCRIPTIONS_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const lists: ListsByEndpoint = {};
    for (const [endpoint, specs] of Object.entries(parsed)) {
      if (Array.isArray(specs)) lists[endpoint] = specs.filter((spec): spec is string => typeof spec === 'string');
    }
    return lists;
  } catch {
    // Storage disabled (privacy settings, sandboxed frames) or a value someone else wrote: nothing remembered.
    return {};
  }
}

export function readRememberedSubscriptions(httpBase: string): string[] {
  return httpBase === '' ? [] : (readAll()[httpBase] ?? []);
}

export function writeRememberedSubscriptions(httpBase: string, specs: readonly string[]): void {
  if (httpBase === '') return;
  const lists = readAll();
  if (specs.length === 0) delete lists[httpBase];
  else lists[httpBase] = [...specs];
  try {
    localStorage.setItem(REMEMBERED_SUBSCRIPTIONS_KEY, JSON.stringify(lists));
  } catch {
    // See readAll.
  }
}
