import { objectKeyOf } from './event-record';
/**
 * Readable names for objects whose Key is a UUID: machines by their `Name`, jobs by their machine's
 * name and their `Task`, and `runner:<machine uuid>` principals by the machine's name
 * (docs/reference/drp-protocol.md §5: Principal values). One resolver per store, for every view that shows a Key.
 *
 * It learns at ingest from the facts each header carries (lib/object-facts.ts: picked where the
 * frame was parsed, in the socket worker), so the main thread parses nothing for a name, and a
 * machine's name is known from its first event on. Plain TypeScript: views read a name and
 * subscribe to learn when names change.
 */

import type { ObjectFacts } from '../lib/object-facts';

/** A job as far as its label needs it. */
interface JobLabelParts {
  machine: string;
  task: string;
}

/** Names kept; past this the oldest learned is forgotten (a name is cheap to learn again). */
const NAME_LIMIT = 20_000;
/** Longest name kept: event content is untrusted and a name ends up in every row of its object. */
const NAME_CHARS = 120;
const RUNNER_PREFIX = 'runner:';

function clipName(text: string): string {
  return text.length > NAME_CHARS ? `${text.slice(0, NAME_CHARS - 1)}…` : text;
}

/** Remembers at most `limit` entries, dropping the oldest insert first. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > NAME_LIMIT) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}

export class DisplayNames {
  private readonly machines = new Map<string, string>();
  private readonly jobs = new Map<string, JobLabelParts>();
  /** leases and reservations by `Type + NUL + Key`: their address. */
  private readonly addresses = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private notifyQueued = false;

  /** Learns from the facts of an event's `Object` (or of a deleted object's last state). */
  noteFacts(type: string, key: string, facts: ObjectFacts | null): void {
    if (facts === null || key === '') return;
    if (type === 'machines') {
      const name = clipName(facts.name ?? '');
      if (name === '' || this.machines.get(key) === name) return;
      remember(this.machines, key, name);
      this.changed();
    } else if (type === 'leases' || type === 'reservations') {
      const address = facts.address ?? '';
      const id = objectKeyOf(type, key);
      if (address === '' || address === key || this.addresses.get(id) === address) return;
      remember(this.addresses, id, address);
      this.changed();
    } else if (type === 'jobs') {
      const parts = { machine: facts.machine ?? '', task: clipName(facts.task ?? '') };
      const known = this.jobs.get(key);
      if (parts.machine === '' || (known && known.machine === parts.machine && known.task === parts.task)) return;
      remember(this.jobs, key, parts);
      this.changed();
    }
  }

  /** The machine's name, or undefined while it is not known. */
  machineName(uuid: string): string | undefined {
    return this.machines.get(uuid);
  }

  /** A readable name for an object's Key; undefined when none is known (show the Key). */
  keyLabel(type: string, key: string): string | undefined {
    if (type === 'machines') return this.machines.get(key);
    if (type === 'leases' || type === 'reservations') return this.addresses.get(objectKeyOf(type, key));
    if (type === 'jobs') {
      const job = this.jobs.get(key);
      if (!job) return undefined;
      const machine = this.machines.get(job.machine) ?? job.machine.slice(0, 8);
      return job.task === '' ? `${machine} job` : `${machine} · ${job.task}`;
    }
    return undefined;
  }

  /** `runner:<uuid>` with the machine's name; undefined for other principals or unknown machines. */
  principalLabel(principal: string): string | undefined {
    if (!principal.startsWith(RUNNER_PREFIX)) return undefined;
    const name = this.machines.get(principal.slice(RUNNER_PREFIX.length));
    return name === undefined ? undefined : `${RUNNER_PREFIX}${name}`;
  }

  /** Bumped when a name is learned or changes (for `useSyncExternalStore`). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Many names are learned in one burst of summaries; listeners hear once, after it. */
  private changed(): void {
    this.version += 1;
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      for (const listener of this.listeners) listener();
    });
  }
}
