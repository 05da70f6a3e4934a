import type { DrpEvent } from '../src/protocol/event';
import type { Clock } from './clock';
import { embeddedModelFields, keyOf, type DrpObject } from './model-keys';

export type EventSink = (event: DrpEvent) => void;

export class StoreError extends Error {
  constructor(
    readonly code: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The fields every stored model gets from its embedded structs (docs/reference/drp-protocol.md §4.3), filled on
 * create like the server's `Fill()`. Values already present win.
 */
function fillCommon(object: DrpObject): DrpObject {
  return {
    ...embeddedModelFields(),
    ...object,
  };
}

/**
 * In-memory objects by type and key. Every write emits the event the v3 request tracker emits
 * (docs/reference/drp-protocol.md §4.2): create -> `create` (Original null), PUT/PATCH -> `update` with Original,
 * internal writes -> `save` (Original = previous or null), DELETE -> `delete` (Object = the
 * deleted object, Original null).
 *
 * Stored objects are treated as immutable values: writers pass a new object and never mutate a
 * stored one, so `Original` can share structure with the previous `Object` without copying.
 */
export class ObjectStore {
  private readonly byType = new Map<string, Map<string, DrpObject>>();

  constructor(
    private readonly emit: EventSink,
    private readonly clock: Clock,
  ) {}

  private table(type: string): Map<string, DrpObject> {
    let table = this.byType.get(type);
    if (!table) {
      table = new Map();
      this.byType.set(type, table);
    }
    return table;
  }

  private publish(type: string, action: string, key: string, principal: string, object: DrpObject, original: DrpObject | null): void {
    this.emit({
      Time: this.clock.timestamp(),
      Type: type,
      Action: action,
      Key: key,
      Principal: principal,
      Object: object,
      Original: original,
    });
  }

  /** Puts an object in place without an event (initial content, like objects loaded at start-up). */
  seed(type: string, object: DrpObject): void {
    this.table(type).set(keyOf(type, object), fillCommon(object));
  }

  list(type: string): DrpObject[] {
    return [...(this.byType.get(type)?.values() ?? [])];
  }

  count(type: string): number {
    return this.byType.get(type)?.size ?? 0;
  }

  get(type: string, key: string): DrpObject | undefined {
    return this.byType.get(type)?.get(key);
  }

  create(type: string, object: DrpObject, principal: string): DrpObject {
    const key = keyOf(type, object);
    if (!key) throw new StoreError(400, `${type}: missing or invalid key`);
    const table = this.table(type);
    if (table.has(key)) throw new StoreError(409, `${type}/${key} already exists`);
    const stored = fillCommon(object);
    table.set(key, stored);
    this.publish(type, 'create', key, principal, stored, null);
    return stored;
  }

  /** Replaces an existing object (PUT, PATCH and internal updates); `update` or `save` with Original. */
  replace(type: string, key: string, next: DrpObject, principal: string, action: 'update' | 'save' = 'update'): DrpObject {
    const table = this.table(type);
    const previous = table.get(key);
    if (!previous) throw new StoreError(404, `${type}/${key} not found`);
    const nextKey = keyOf(type, next);
    if (nextKey !== key) throw new StoreError(400, `${type}: key change from ${key} to ${nextKey} not allowed`);
    table.set(key, next);
    this.publish(type, action, key, principal, next, previous);
    return next;
  }

  /** Server-internal write (`save`): Original is the previous object if there was one (§4.2). */
  save(type: string, object: DrpObject, principal: string): DrpObject {
    const key = keyOf(type, object);
    if (!key) throw new StoreError(400, `${type}: missing or invalid key`);
    const table = this.table(type);
    const previous = table.get(key) ?? null;
    const stored = previous ? object : fillCommon(object);
    table.set(key, stored);
    this.publish(type, 'save', key, principal, stored, previous);
    return stored;
  }

  remove(type: string, key: string, principal: string): DrpObject {
    const table = this.table(type);
    const previous = table.get(key);
    if (!previous) throw new StoreError(404, `${type}/${key} not found`);
    table.delete(key);
    this.publish(type, 'delete', key, principal, previous, null);
    return previous;
  }
}
