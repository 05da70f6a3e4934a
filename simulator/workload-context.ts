import type { DrpEvent } from '../src/protocol/event';
import type { Clock } from './clock';
import type { DrpObject } from './model-keys';
import type { ObjectStore } from './object-store';
import type { Prng } from './prng';
import type { LogWriter } from './workload-logs';

/** One planned server write; returns false when it had nothing to do (e.g. the object is gone). */
export type Step = () => boolean;

/** What a workload planner needs: the seeded stream, the store, the pseudo-type sink and the queue it fills. */
export interface PlanContext {
  rng: Prng;
  store: ObjectStore;
  /** For events that are not stored objects (log, static, tftp, plugin actions, posted types). */
  publish: (event: DrpEvent) => void;
  clock: Clock;
  log: LogWriter;
  queue: Step[];
}

/** Publishes a non-stored event with the server's timestamp; always succeeds. */
export function emit(ctx: PlanContext, type: string, action: string, key: string, principal: string, object: unknown): boolean {
  ctx.publish({ Time: ctx.clock.timestamp(), Type: type, Action: action, Key: key, Principal: principal, Object: object, Original: null });
  return true;
}

/** Changes a stored object through `update` (or `save`); false when it is gone. */
export function change(
  ctx: PlanContext,
  type: string,
  key: string,
  principal: string,
  edit: (current: DrpObject) => DrpObject,
  action: 'update' | 'save' = 'update',
): boolean {
  const current = ctx.store.get(type, key);
  if (!current) return false;
  ctx.store.replace(type, key, edit(current), principal, action);
  return true;
}

/** Creates the object when its key is free; false when it already exists. */
export function createIfAbsent(ctx: PlanContext, type: string, key: string, object: DrpObject, principal: string): boolean {
  if (ctx.store.get(type, key)) return false;
  ctx.store.create(type, object, principal);
  return true;
}

/** Deletes the object when it exists. */
export function removeIfPresent(ctx: PlanContext, type: string, key: string, principal: string): boolean {
  if (!ctx.store.get(type, key)) return false;
  ctx.store.remove(type, key, principal);
  return true;
}

/** A weighted pick from the seeded stream: entries are [weight, value]. */
export function weighted<T>(ctx: PlanContext, entries: ReadonlyArray<readonly [number, T]>): T {
  const total = entries.reduce((sum, [w]) => sum + w, 0);
  let roll = ctx.rng.next() * total;
  for (const [w, value] of entries) {
    roll -= w;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1][1];
}
