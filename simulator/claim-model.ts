/**
 * DRP's claim model (`models/role.go` `Claim.compile`/`Contains`/`Match`; docs/reference/drp-protocol.md §3.1).
 * A claim is compiled against the scopes and actions the server knows; anything unknown is
 * dropped before the containment check. So an event whose Type is no known scope (`log`, `static`,
 * `tftp`, posted types) reaches every user, and an action the scope does not know (`save`, plugin
 * actions) needs only the scope.
 */

export interface Claim {
  scope: string;
  action: string;
  specific: string;
}

/** Go's `csm`: a comma list, each item trimmed, as a set. */
function commaSet(text: string): Set<string> {
  return new Set(text.split(',').map((item) => item.trim()));
}

const BASIC_ACTIONS = ['list', 'get', 'create', 'delete', 'actions', 'update', 'action'];

// The model prefixes (`models.AllPrefixes()`): v3's models plus the v4 types the inspector meets.
const MODEL_SCOPES = [
  'bootenvs',
  'interfaces',
  'jobs',
  'leases',
  'machines',
  'params',
  'plugin_providers',
  'plugins',
  'preferences',
  'profiles',
  'reservations',
  'roles',
  'stages',
  'subnets',
  'tasks',
  'templates',
  'users',
  'workflows',
  'tenants',
  'pools',
  'endpoints',
  'version_sets',
  'catalog_items',
  'contexts',
  'zones',
  'work_orders',
  'clusters',
  'resource_brokers',
  'alerts',
];

const ADDED_ACTIONS: Readonly<Record<string, string[]>> = { users: ['token', 'password'], jobs: ['log'] };

// `extraScopes` and `overriddenActions`. `events post` is listed as an override in v3 although
// `events` is no model prefix there; it is kept as a scope so posting stays a checked claim.
const EXTRA_SCOPES: Readonly<Record<string, string[]>> = {
  contents: ['list', 'get', 'create', 'update', 'delete'],
  files: ['list', 'get', 'post', 'delete'],
  interfaces: ['list', 'get'],
  info: ['get'],
  isos: ['list', 'get', 'post', 'delete'],
  indexes: ['list', 'get'],
  events: ['post'],
};

/** Scope -> the actions it knows (`allScopes`); also what `/api/v3/info` reports as `scopes`. */
// Model prefixes win over an extra scope of the same name (`interfaces`), as in `allScopes`.
export const KNOWN_SCOPES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...Object.entries(EXTRA_SCOPES).map(([scope, actions]): [string, Set<string>] => [scope, new Set(actions)]),
  ...MODEL_SCOPES.map((scope): [string, Set<string>] => [scope, new Set([...BASIC_ACTIONS, ...(ADDED_ACTIONS[scope] ?? [])])]),
]);

/** scope -> action -> the claim's `specific` (instances). */
type Compiled = Map<string, Map<string, string>>;

function compile(claim: Claim): Compiled {
  const scopes: Compiled = new Map();
  const scopeNames = claim.scope === '*' ? [...KNOWN_SCOPES.keys()] : [...commaSet(claim.scope)].filter((s) => KNOWN_SCOPES.has(s));
  for (const scope of scopeNames) {
    const known = KNOWN_SCOPES.get(scope) ?? new Set<string>();
    const actions = new Map<string, string>();
    // `action:<name>` and `update:<pointer>` are known when their first part is.
    const names = claim.action === '*' ? [...known] : [...commaSet(claim.action)].filter((a) => known.has(a.split(':')[0]));
    for (const action of names) actions.set(action, claim.specific);
    scopes.set(scope, actions);
  }
  return scopes;
}

/** `actionNode.contains`: `*` holds everything, else every instance of `wanted` must be listed. */
function instancesContain(held: string, wanted: string): boolean {
  if (held === '*') return true;
  const heldSet = commaSet(held);
  return [...commaSet(wanted)].every((item) => heldSet.has(item));
}

/** `update:/a/b` falls back to `update:/a`, `update:` and `update`; `action:x` to `action`. */
function heldInstances(held: Map<string, string>, action: string): string | undefined {
  const direct = held.get(action);
  if (direct !== undefined) return direct;
  const colon = action.indexOf(':');
  if (colon < 0) return undefined;
  const verb = action.slice(0, colon);
  if (verb === 'action') return held.get(verb);
  if (verb !== 'update') return undefined;
  let pointer = action.slice(colon + 1);
  while (pointer !== '') {
    pointer = pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
    const found = held.get(`update:${pointer}`);
    if (found !== undefined) return found;
  }
  return held.get(verb);
}

function contains(held: Compiled, wanted: Compiled): boolean {
  for (const [scope, wantedActions] of wanted) {
    const heldActions = held.get(scope);
    if (!heldActions) return false;
    for (const [action, instances] of wantedActions) {
      const heldFor = heldInstances(heldActions, action);
      if (heldFor === undefined || !instancesContain(heldFor, instances)) return false;
    }
  }
  return true;
}

const compiledClaims = new WeakMap<Claim, Compiled>();

function compiledOf(claim: Claim): Compiled {
  let compiled = compiledClaims.get(claim);
  if (!compiled) {
    compiled = compile(claim);
    compiledClaims.set(claim, compiled);
  }
  return compiled;
}

/** `Claim.Match`: does `claim` allow {scope, action, specific}? */
export function claimMatches(claim: Claim, scope: string, action: string, specific: string): boolean {
  return contains(compiledOf(claim), compile({ scope, action, specific }));
}

/** The `scopes` of `/api/v3/info`: scope -> action -> {} (Go's `map[string]struct{}`). */
export function scopesInfo(): Record<string, Record<string, Record<string, never>>> {
  const out: Record<string, Record<string, Record<string, never>>> = {};
  for (const [scope, actions] of KNOWN_SCOPES) out[scope] = Object.fromEntries([...actions].map((a) => [a, {}]));
  return out;
}
