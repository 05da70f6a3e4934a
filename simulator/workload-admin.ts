import { hexAddr, keyOf, type DrpObject } from './model-keys';
import * as b from './workload-admin-objects';
import { change, createIfAbsent, emit, removeIfPresent, weighted, type PlanContext } from './workload-context';
import { goTime } from './workload-objects';

/**
 * Administrative traffic: objects people and the server change around the machines (users, roles,
 * templates, v4 types, ...). Each stored kind cycles through a few instances with the generic
 * actions of the request tracker (docs/reference/drp-protocol.md §4.2): create when absent, else
 * update, save or delete.
 */

interface StoredKind {
  type: string;
  /** Instance `n` (0-based) of this kind; new random parts (UUIDs) come from the seeded stream. */
  build: (ctx: PlanContext, n: number) => DrpObject;
  edit: (ctx: PlanContext, current: DrpObject) => DrpObject;
  principal: string;
  instances: number;
}

const USER = 'user:rocketskates';
const now = (ctx: PlanContext): number => ctx.clock.nowMs();

const withDescription = (ctx: PlanContext, o: DrpObject): DrpObject => ({ ...o, Description: `edited at ${goTime(now(ctx))}` });

const KINDS: readonly StoredKind[] = [
  {
    type: 'users',
    build: (ctx, n) => b.buildUser(ctx.rng, `operator${n + 1}`, ['profiles-and-jobs']),
    edit: (ctx, o) => ({ ...o, PasswordHash: ctx.rng.base64(32), Secret: ctx.rng.token(16) }),
    principal: USER,
    instances: 2,
  },
  { type: 'roles', build: (_, n) => b.buildRole(`operator-${n + 1}`), edit: withDescription, principal: USER, instances: 2 },
  {
    type: 'tenants',
    build: (_, n) => b.buildTenant(`team-${n + 1}`, [`operator${n + 1}`], []),
    edit: (ctx, o) => ({
      ...o,
      Members: {
        machines: ctx.store
          .list('machines')
          .slice(0, ctx.rng.int(0, 3))
          .map((m) => m.Uuid as string),
      },
    }),
    principal: USER,
    instances: 2,
  },
  {
    type: 'templates',
    build: (_, n) => b.buildTemplate(`site-motd-${n + 1}.tmpl`, 'Welcome to {{.Machine.Name}}\n'),
    edit: (ctx, o) => ({ ...o, Contents: `Welcome to {{.Machine.Name}} (rev ${ctx.rng.int(2, 99)})\n` }),
    principal: USER,
    instances: 2,
  },
  {
    type: 'work_orders',
    build: (ctx) =>
      b.buildWorkOrder(
        ctx.rng,
        ctx.rng.pick(
          ctx.store
            .list('machines')
            .map((m) => m.Uuid as string)
            .concat(['']),
        ),
        'inventory-check',
        now(ctx),
      ),
    edit: (ctx, o) =>
      o.State === 'created'
        ? { ...o, State: 'running', CurrentTask: 0, StartTime: goTime(now(ctx)) }
        : { ...o, State: ctx.rng.chance(0.9) ? 'finished' : 'failed', CurrentTask: 1, EndTime: goTime(now(ctx)), Runnable: false },
    principal: USER,
    instances: 3,
  },
  {
    type: 'clusters',
    build: (ctx, n) => b.buildMachineLike(ctx.rng, `k8s-cluster-${n + 1}`, 'cluster', 'drpcli-runner'),
    edit: (ctx, o) => ({ ...o, Params: { ...(o.Params as DrpObject), 'cluster/count': ctx.rng.int(1, 12) } }),
    principal: USER,
    instances: 1,
  },
  {
    type: 'resource_brokers',
    build: (ctx, n) => b.buildMachineLike(ctx.rng, `aws-broker-${n + 1}`, 'resource-broker', 'terraform-runner'),
    edit: (ctx, o) => ({ ...o, Params: { ...(o.Params as DrpObject), 'resource-broker/count': ctx.rng.int(1, 12) } }),
    principal: USER,
    instances: 1,
  },
  {
    type: 'alerts',
    build: (ctx, n) =>
      b.buildAlert(ctx.rng, n === 0 ? 'WARN' : 'ERROR', n === 0 ? 'license-expiring' : 'plugin-failed', 'See the endpoint log', now(ctx)),
    edit: (ctx, o) => ({ ...o, Acknowledged: true, AcknowledgeUser: 'rocketskates', AcknowledgeTime: goTime(now(ctx)) }),
    principal: 'system',
    instances: 2,
  },
  { type: 'pools', build: (_, n) => b.buildPool(`rack-pool-${n + 1}`, 'default'), edit: withDescription, principal: USER, instances: 2 },
  {
    type: 'endpoints',
    build: (_, n) => b.buildEndpoint(`edge-${n + 1}`, 'site-base'),
    edit: (ctx, o) => ({ ...o, ConnectionStatus: ctx.rng.pick(['Connected', 'Disconnected']) }),
    principal: 'system',
    instances: 2,
  },
  {
    type: 'version_sets',
    build: (_, n) => b.buildVersionSet(`site-base-${n + 1}`),
    edit: (ctx, o) => ({ ...o, Apply: ctx.rng.chance(0.5) }),
    principal: USER,
    instances: 1,
  },
  {
    type: 'catalog_items',
    build: (_, n) => b.buildCatalogItem('drp-community-content', `v4.8.${n}`),
    edit: (ctx, o) => ({ ...o, Tip: ctx.rng.chance(0.5) }),
    principal: 'system',
    instances: 2,
  },
  {
    type: 'contexts',
    build: (_, n) => b.buildContextObject(`runner-${n + 1}`, `rackn/runner:v4.8.${n}`),
    edit: withDescription,
    principal: USER,
    instances: 1,
  },
];

/**
 * Create, update, save or delete one instance of the kind. `keys` maps `<type>#<n>` to the key of
 * instance n while it exists (the Uuid-keyed kinds get a new key each time they are created).
 */
export function planStoredKind(ctx: PlanContext, type: string, keys: Map<string, string>): void {
  const kind = KINDS.find((k) => k.type === type);
  if (!kind) return;
  const slot = `${type}#${ctx.rng.int(0, kind.instances - 1)}`;
  const key = keys.get(slot);
  if (key === undefined || !ctx.store.get(type, key)) {
    const built = kind.build(ctx, Number(slot.split('#')[1]));
    const newKey = keyOf(type, built);
    ctx.queue.push(() => {
      if (!createIfAbsent(ctx, type, newKey, built, kind.principal)) return false;
      keys.set(slot, newKey);
      return true;
    });
    return;
  }
  const action = weighted(ctx, [
    [5, 'update'],
    [2, 'save'],
    [2, 'delete'],
  ] as const);
  if (action === 'delete') ctx.queue.push(() => removeIfPresent(ctx, type, key, kind.principal));
  else ctx.queue.push(() => change(ctx, type, key, action === 'save' ? 'system' : kind.principal, (o) => kind.edit(ctx, o), action));
}

/** DHCP reservations: created by a user or the `reserve-dhcp-address` task, changed, and released (§5, hex key). */
export function planReservation(ctx: PlanContext): void {
  const machines = ctx.store.list('machines');
  if (machines.length === 0) return;
  const m = ctx.rng.pick(machines);
  const address = m.Address as string;
  const key = hexAddr(address);
  const existing = ctx.store.get('reservations', key);
  if (!existing) {
    const mac = (m.HardwareAddrs as string[])[0] ?? '';
    ctx.queue.push(() =>
      createIfAbsent(
        ctx,
        'reservations',
        key,
        { ...b.buildReservation(address, mac, 'lab-10-10'), Machine: m.Uuid },
        `runner:${m.Uuid as string}`,
      ),
    );
    return;
  }
  const action = weighted(ctx, [
    [3, 'update'],
    [2, 'save'],
    [2, 'delete'],
  ] as const);
  if (action === 'delete') ctx.queue.push(() => removeIfPresent(ctx, 'reservations', key, USER));
  else if (action === 'save')
    ctx.queue.push(() => change(ctx, 'reservations', key, 'dhcp', (o) => ({ ...o, Duration: ctx.rng.pick([3600, 7200, 86400]) }), 'save'));
  else
    ctx.queue.push(() => change(ctx, 'reservations', key, USER, (o) => ({ ...o, NextServer: ctx.rng.pick(['10.10.0.2', '10.10.0.3']) })));
}

const PACKS: ReadonlyArray<[name: string, counts: Record<string, number>]> = [
  ['drp-community-content', { bootenvs: 24, params: 112, profiles: 3, stages: 41, tasks: 57, templates: 68, workflows: 12 }],
  ['task-library', { params: 210, stages: 63, tasks: 118, templates: 40, workflows: 9 }],
  ['site-overrides', { params: 4, profiles: 2, templates: 3 }],
];

/** `contents.*`: a pack installed, upgraded or removed, as one summary event (§5). */
export function planContent(ctx: PlanContext, installed: Set<string>): void {
  const [name, counts] = ctx.rng.pick(PACKS);
  const version = `v4.8.${ctx.rng.int(0, 9)}`;
  const action = !installed.has(name) ? 'create' : ctx.rng.chance(0.75) ? 'update' : 'delete';
  ctx.queue.push(() => {
    if (action === 'delete') installed.delete(name);
    else installed.add(name);
    return emit(ctx, 'contents', action, name, USER, b.buildContentSummary(name, version, counts));
  });
}

const PREFS: ReadonlyArray<[name: string, values: readonly string[]]> = [
  ['defaultWorkflow', ['discover-base', 'centos-8-base']],
  ['unknownBootEnv', ['discovery', 'ignore']],
  ['knownTokenTimeout', ['3600', '7200']],
  ['debugDhcp', ['info', 'debug', 'warn']],
];

/** `preferences.save` with `{Meta, Name, Val}` (v3 `backend/dataTracker.go` `SetPrefs`, §5). */
export function planPreference(ctx: PlanContext): void {
  const [name, values] = ctx.rng.pick(PREFS);
  const value = ctx.rng.pick(values);
  ctx.queue.push(() => emit(ctx, 'preferences', 'save', name, USER, { Meta: {}, Name: name, Val: value }));
}
