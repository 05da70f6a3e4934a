import type { DrpEvent } from '../src/protocol/event';
import { compileFilter, type CompiledFilter } from '../src/protocol/filter';

export type MatchFields = Pick<DrpEvent, 'Type' | 'Action' | 'Key' | 'Object'>;

/**
 * One connection's registered specs (docs/reference/drp-protocol.md §2.3): an ordered list of exact strings,
 * deduplicated by exact comparison, no reference counting. Specs that do not split into 3 parts
 * are stored and acked but never match (§2.2: the v3 filter could crash on them; a v4 server
 * presumably doesn't, and the simulator must not).
 *
 * Matching is `compileFilter` from src/protocol, i.e. the v4.5.4+ list grammar (§3.2). That grammar
 * trims each list item, so `register␠␠profiles.*.*` (stored as ` profiles.*.*`) does match here,
 * where a v3 server compared literally and never matched it (§2.1). Which one a current server
 * does is not documented; we follow the v4 client.
 */
export class Registrations {
  private readonly specs: string[] = [];
  private compiled: CompiledFilter[] = [];

  register(spec: string): void {
    if (this.specs.includes(spec)) return;
    this.specs.push(spec);
    this.recompile();
  }

  /** Removes only byte-for-byte equal specs; no pattern logic (§2.3). */
  deregister(spec: string): void {
    const index = this.specs.indexOf(spec);
    if (index < 0) return;
    this.specs.splice(index, 1);
    this.recompile();
  }

  /** Any matching spec is enough; an event is delivered once however many match (§3.1). */
  matches(event: MatchFields): boolean {
    for (const filter of this.compiled) if (filter.test(event)) return true;
    return false;
  }

  list(): string[] {
    return [...this.specs];
  }

  private recompile(): void {
    this.compiled = this.specs.map(compileFilter).filter((f): f is CompiledFilter => f !== null);
  }
}
