/**
 * Event Types, Actions and key fields as far as the public sources show them (docs/reference/drp-protocol.md §5).
 * Lists are for suggestions and the simulator, never for rejecting events: servers and plugins
 * emit types and actions not listed here.
 */

export const KNOWN_TYPES: readonly string[] = [
  'machines',
  'jobs',
  'profiles',
  'params',
  'stages',
  'workflows',
  'tasks',
  'bootenvs',
  'templates',
  'subnets',
  'reservations',
  'leases',
  'users',
  'roles',
  'tenants',
  'plugins',
  'plugin_providers',
  'contents',
  'preferences',
  'pools',
  'endpoints',
  'version_sets',
  'catalog_items',
  'contexts',
  'work_orders',
  'clusters',
  'resource_brokers',
  'alerts',
  'log',
  'static',
  'tftp',
];

export const KNOWN_ACTIONS: readonly string[] = [
  // Every stored model (§4.2); `delete`, never `destroy`.
  'create',
  'update',
  'save',
  'delete',
  // `log` events: Action is the level.
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'fatal',
  'panic',
  'audit',
  // `static` / `tftp` file serving.
  'serve',
  // Plugin lifecycle (v3 midlayer/plugin.go).
  'start',
  'stop',
  'config',
  'configed',
  'stopped',
  'remove',
  // Plugin actions on machines: the provider's command name (the IPMI provider's shown).
  'poweron',
  'poweroff',
  'powercycle',
  'nextbootpxe',
  'nextbootdisk',
  'identify',
];

const KEY_FIELDS: Readonly<Record<string, string>> = {
  machines: 'Uuid',
  jobs: 'Uuid',
  // Not in the public models; the machine-like CLI and the async_actions precursor suggest Uuid.
  clusters: 'Uuid',
  resource_brokers: 'Uuid',
  work_orders: 'Uuid',
  // Alerts are acknowledged by id in the v4 CLI; Uuid is inferred, like the types above.
  alerts: 'Uuid',
  templates: 'ID',
  pools: 'Id',
  endpoints: 'Id',
  version_sets: 'Id',
  catalog_items: 'Id',
  // Key is the upper-case hex of Addr (10.10.12.57 -> 0A0A0C39), not Addr itself.
  reservations: 'Addr',
  leases: 'Addr',
  // A dotted path: the key is the content pack's Meta.Name.
  contents: 'Meta.Name',
  // Pseudo types: the logger service, and the served file's URL path / name.
  log: 'Service',
  static: 'Url',
  tftp: 'Url',
};

/**
 * The Object field an event's Key comes from. Name for every type not listed (including
 * unknown and plugin-defined ones, whose key is actually `Id`; we cannot tell them apart by Type).
 */
export function keyFieldOf(type: string): string {
  return Object.hasOwn(KEY_FIELDS, type) ? KEY_FIELDS[type] : 'Name';
}
