import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import { goJsonEvent } from './go-json';
import { gohaiInventory } from './gohai-inventory';
import { buildMachines } from './machine-factory';
import type { DrpObject } from './model-keys';
import type { ObjectStore } from './object-store';
import { startPacer, type Pacer } from './pacer';
import { Prng } from './prng';

export interface BurstOptions {
  /** Events per second. */
  rate: number;
  seconds: number;
  /** Approximate JSON size of `Object` (and of `Original`); default ~2000, 30000 for "large"; under 1000 a cut-down machine. */
  objectBytes?: number;
  /** Include `Original` (default true), which doubles the frame (docs/reference/drp-protocol.md §6). */
  withOriginal?: boolean;
  /**
   * How many distinct machines the events are versions of (default: up to 64 from the store). 1
   * gives one object with many versions (History, Blame); 10,000 gives as many rows in Objects.
   */
  objects?: number;
}

export const DEFAULT_BURST_OBJECT_BYTES = 2000;

/** Distinct payloads prepared per burst; they repeat after that, only `Time` is fresh per send. */
const MAX_VARIANTS = 256;
const MAX_MACHINES = 64;
export const MAX_BURST_OBJECTS = 20_000;

interface Variant {
  key: string;
  object: DrpObject;
  /** Everything after `{"Time":"<time>",`, so only the timestamp is built per send. */
  tail: string;
}

/** The fields a small machine keeps (a DRP machine without its Params and Meta is about 400 bytes). */
const SLIM_FIELDS = ['Uuid', 'Name', 'Address', 'BootEnv', 'Stage', 'Workflow', 'Runnable', 'Available', 'Validated', 'Context', 'Tasks'];

/** A machine cut down to `objectBytes` (its core fields, as few Tasks as fit): the ~0.9 KB events of the deep-window bench. */
function slimBase(machine: DrpObject, objectBytes: number): DrpObject {
  const slim: DrpObject = { Params: {} };
  for (const field of SLIM_FIELDS) if (field in machine) slim[field] = machine[field];
  const tasks = Array.isArray(machine.Tasks) ? [...(machine.Tasks as unknown[])] : [];
  while (tasks.length > 1 && JSON.stringify({ ...slim, Tasks: tasks }).length > objectBytes) tasks.pop();
  return { ...slim, Tasks: tasks };
}

function paddedBase(machine: DrpObject, objectBytes: number, rng: Prng): DrpObject {
  if (objectBytes < 1000) return slimBase(machine, objectBytes);
  const params = { ...(machine.Params as DrpObject) };
  delete params['gohai-inventory'];
  const base: DrpObject = { ...machine, Params: params };
  const room = objectBytes - JSON.stringify(base).length - 40;
  if (room > 200) params['gohai-inventory'] = gohaiInventory(rng, room);
  return base;
}

/** `count` machines cloned from `machines` under fresh Uuids and names (one padded inventory each template). */
function distinctBases(machines: DrpObject[], count: number, objectBytes: number, rng: Prng): DrpObject[] {
  const templates = machines.map((m) => paddedBase(m, objectBytes, rng));
  return Array.from({ length: count }, (_, i) => ({ ...templates[i % templates.length], Uuid: rng.uuid(), Name: `burst-${i}` }));
}

function prepareVariants(machines: DrpObject[], count: number, options: BurstOptions, rng: Prng): Variant[] {
  const objectBytes = options.objectBytes ?? DEFAULT_BURST_OBJECT_BYTES;
  const withOriginal = options.withOriginal ?? true;
  const bases =
    options.objects !== undefined
      ? distinctBases(machines, options.objects, objectBytes, rng)
      : machines.map((m) => paddedBase(m, objectBytes, rng));
  return Array.from({ length: count }, (_, i) => {
    const base = bases[i % bases.length];
    const step = Math.floor(i / bases.length);
    const key = base.Uuid as string;
    // Successive events for one machine look like a runner walking its task list.
    const original: DrpObject = { ...base, CurrentTask: step, CurrentJob: rng.uuid() };
    const object: DrpObject = { ...base, CurrentTask: step + 1, CurrentJob: rng.uuid() };
    const body = {
      Type: 'machines',
      Action: 'update',
      Key: key,
      Principal: `runner:${key}`,
      Object: object,
      Original: withOriginal ? original : null,
    };
    return { key, object, tail: goJsonEvent(body).slice(1) };
  });
}

/**
 * Sends realistic `machines.update` events (with `Original`) at exactly `rate` per second for
 * `seconds`, through the hub's normal matching and permission filtering. Payloads are prepared
 * up front so the send loop only formats a timestamp and concatenates strings; that is what lets
 * Node reach 8k+ events/s. Burst events are not written to the object store.
 */
export function startBurst(options: BurstOptions, deps: { hub: EventHub; store: ObjectStore; clock: Clock; seed: number }): Pacer {
  const total = Math.max(0, Math.round(options.rate * options.seconds));
  const rng = new Prng((deps.seed ^ 0xb0257) >>> 0);
  let machines = deps.store.list('machines').slice(0, MAX_MACHINES);
  if (machines.length === 0) machines = buildMachines(rng, 8);
  // Every distinct object needs a variant of its own; otherwise 256 repeat.
  const variantCount = Math.max(1, Math.min(total, Math.max(MAX_VARIANTS, options.objects ?? 0)));
  const variants = prepareVariants(machines, variantCount, options, rng);
  let index = 0;
  return startPacer({
    rate: options.rate,
    total,
    emit: () => {
      const variant = variants[index++ % variants.length];
      const text = `{"Time":"${deps.clock.timestamp()}",${variant.tail}`;
      deps.hub.publishPrepared({ Type: 'machines', Action: 'update', Key: variant.key, Object: variant.object }, text);
    },
  });
}
