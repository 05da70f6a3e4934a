import type { DrpObject } from './model-keys';
import { IPMI_COMMANDS, buildPlugin, buildPluginProvider } from './workload-admin-objects';
import { change, createIfAbsent, emit, removeIfPresent, weighted, type PlanContext } from './workload-context';

/**
 * Plugin traffic: the controller's lifecycle events (v3 `midlayer/plugin.go`: create, start, stop,
 * config, configed, stopped, remove), provider uploads, machine actions run by a plugin
 * (`machines.<command>`, §5) and events a plugin publishes itself (`plugin.Publish(type, action, key,
 * object)` in the v4 plugin library: any Type the plugin chooses).
 */

const USER = 'user:rocketskates';
/** Lifecycle events are published by the plugin controller, not on behalf of a request. */
const CONTROLLER = 'system';
/** A second plugin that comes and goes, so create/remove are exercised beside the resident `ipmi`. */
const TRANSIENT_PLUGIN = 'raid';

const lifecycle = (ctx: PlanContext, action: string, name: string): boolean => {
  const plugin = ctx.store.get('plugins', name);
  return plugin ? emit(ctx, 'plugins', action, name, CONTROLLER, plugin) : false;
};

export function planPluginLifecycle(ctx: PlanContext): void {
  const scenario = weighted(ctx, [
    [3, 'config'],
    [2, 'restart'],
    [2, 'transient'],
  ] as const);
  const q = ctx.queue;
  if (scenario === 'config') {
    const level = ctx.rng.pick(['info', 'debug', 'warn']);
    q.push(() => change(ctx, 'plugins', 'ipmi', USER, (p) => ({ ...p, Params: { ...(p.Params as DrpObject), 'ipmi/log-level': level } })));
    q.push(() => lifecycle(ctx, 'config', 'ipmi'));
    q.push(() => lifecycle(ctx, 'configed', 'ipmi'));
  } else if (scenario === 'restart') {
    q.push(() => lifecycle(ctx, 'stop', 'ipmi'));
    q.push(() => lifecycle(ctx, 'stopped', 'ipmi'));
    q.push(() => lifecycle(ctx, 'start', 'ipmi'));
  } else if (!ctx.store.get('plugins', TRANSIENT_PLUGIN)) {
    q.push(() => createIfAbsent(ctx, 'plugins', TRANSIENT_PLUGIN, buildPlugin(TRANSIENT_PLUGIN, 'raid', {}), USER));
    q.push(() => lifecycle(ctx, 'start', TRANSIENT_PLUGIN));
  } else {
    const plugin = ctx.store.get('plugins', TRANSIENT_PLUGIN);
    q.push(() => lifecycle(ctx, 'stop', TRANSIENT_PLUGIN));
    q.push(() => lifecycle(ctx, 'stopped', TRANSIENT_PLUGIN));
    q.push(() => removeIfPresent(ctx, 'plugins', TRANSIENT_PLUGIN, USER));
    // The controller's `remove` follows the stored object's delete; the object is the one removed.
    q.push(() => emit(ctx, 'plugins', 'remove', TRANSIENT_PLUGIN, CONTROLLER, plugin));
  }
}

/** A plugin process dies: the one `log.fatal` a server shows, then the controller restarts it. */
export function planPluginCrash(ctx: PlanContext): void {
  const q = ctx.queue;
  q.push(() => ctx.log.write('plugin', 'fatal', 'midlayer/plugin.go', 'plugin ipmi exited: fatal error: runtime: out of memory', 'ipmi'));
  q.push(() => lifecycle(ctx, 'stopped', 'ipmi'));
  q.push(() => ctx.log.write('plugin', 'error', 'midlayer/plugin.go', 'plugin ipmi stopped unexpectedly, restarting', CONTROLLER));
  q.push(() => lifecycle(ctx, 'start', 'ipmi'));
}

/** Providers are uploaded (create, also for an upgrade) and deleted (v3 `midlayer/controller.go`, §5). */
export function planPluginProvider(ctx: PlanContext, uploaded: Set<string>): void {
  const name = ctx.rng.pick(['ipmi', 'raid', 'bios']);
  const version = `v4.8.${ctx.rng.int(0, 9)}`;
  const action = uploaded.has(name) && name !== 'ipmi' && ctx.rng.chance(0.5) ? 'delete' : 'create';
  ctx.queue.push(() => {
    if (action === 'delete') uploaded.delete(name);
    else uploaded.add(name);
    return emit(ctx, 'plugin_providers', action, name, USER, buildPluginProvider(name, version));
  });
}

/**
 * A plugin action on a machine: Action is the provider's command name, Object the action record
 * `{Model, Plugin, Command, Params}` with the machine as Model (v3 `frontend/actions.go`, §5).
 */
export function planMachineAction(ctx: PlanContext, uuid: string): void {
  const command = weighted(ctx, [
    [4, 'nextbootpxe'],
    [3, 'powercycle'],
    [2, 'poweron'],
    [2, 'poweroff'],
    [1, 'nextbootdisk'],
    [1, 'identify'],
  ] satisfies ReadonlyArray<readonly [number, (typeof IPMI_COMMANDS)[number]]>);
  const byRunner = command === 'nextbootpxe' || command === 'powercycle';
  const principal = byRunner ? `runner:${uuid}` : USER;
  ctx.queue.push(() => {
    const machine = ctx.store.get('machines', uuid);
    if (!machine) return false;
    const params = {
      'ipmi/address': `10.20.${ctx.rng.int(0, 9)}.${ctx.rng.int(10, 250)}`,
      'ipmi/username': 'root',
      'ipmi/password': 'calvin',
      'ipmi/mode': 'lanplus',
    };
    return emit(ctx, 'machines', command, uuid, principal, { Model: machine, Plugin: 'ipmi', Command: command, Params: params });
  });
  ctx.queue.push(() => ctx.log.write('plugin', 'info', 'midlayer/actions.go', `ipmi: ${command} on ${uuid}: Success`, 'ipmi'));
}

/** What the ipmi plugin publishes itself: a BMC scan result under its own Type (plugin-chosen; illustrative). */
export function planPluginPublished(ctx: PlanContext): void {
  const address = `10.20.${ctx.rng.int(0, 9)}.${ctx.rng.int(10, 250)}`;
  const found = ctx.rng.chance(0.85);
  ctx.queue.push(() =>
    emit(ctx, 'ipmi', found ? 'discovered' : 'unreachable', address, 'ipmi', {
      Address: address,
      Vendor: ctx.rng.pick(['Dell', 'HPE', 'Supermicro']),
      Found: found,
    }),
  );
}
