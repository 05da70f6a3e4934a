/**
 * Shares one copy of strings that repeat across thousands of records (Type, Action, Principal).
 * JSON.parse allocates a fresh string per event; pooling them keeps the per-record overhead small
 * (memory target: about 2.5x the raw bytes per buffered event). Bounded: once full, new values are
 * returned as they are, so a stream of unique values cannot grow the pool.
 */
export class StringPool {
  private readonly values = new Map<string, string>();
  private readonly limit: number;

  constructor(limit = 4096) {
    this.limit = limit;
  }

  intern(value: string): string {
    const pooled = this.values.get(value);
    if (pooled !== undefined) return pooled;
    if (this.values.size < this.limit) this.values.set(value, value);
    return value;
  }
}
