/**
 * A bounded ring of items addressed by a monotonic sequence number, never by position.
 *
 * Why seq and not index: once the ring is full every push evicts the oldest item, so positions shift
 * on every event; a row keyed by index would silently change identity under the user's cursor
 * (CONTRIBUTING.md, house rule 3). Seqs start at 1, are contiguous inside the ring and are never reused, even after
 * `clear()`, so `getBySeq` is O(1): `(head + seq - firstSeq) % capacity`.
 */
export class RingBuffer<T> {
  private slots: (T | undefined)[];
  /** Position of the oldest item in `slots`. */
  private head = 0;
  private count = 0;
  /** Seq the next pushed item receives. */
  private next = 1;

  constructor(capacity: number) {
    assertCapacity(capacity);
    this.slots = new Array<T | undefined>(capacity);
  }

  get capacity(): number {
    return this.slots.length;
  }

  get size(): number {
    return this.count;
  }

  /** Seq the next `push` will assign. */
  get nextSeq(): number {
    return this.next;
  }

  /** Seq of the oldest buffered item; equals `nextSeq` when the ring is empty. */
  get firstSeq(): number {
    return this.next - this.count;
  }

  /** Seq of the newest buffered item; `firstSeq - 1` when the ring is empty. */
  get lastSeq(): number {
    return this.next - 1;
  }

  /**
   * Appends `item` under seq `nextSeq`. Returns the evicted oldest item when the ring was full.
   * The caller reads `nextSeq` before pushing when the item must carry its own seq.
   */
  push(item: T): T | undefined {
    const capacity = this.slots.length;
    let evicted: T | undefined;
    if (this.count === capacity) {
      evicted = this.slots[this.head];
      this.slots[this.head] = item;
      this.head = (this.head + 1) % capacity;
    } else {
      this.slots[(this.head + this.count) % capacity] = item;
      this.count += 1;
    }
    this.next += 1;
    return evicted;
  }

  has(seq: number): boolean {
    return Number.isInteger(seq) && seq >= this.firstSeq && seq <= this.lastSeq;
  }

  getBySeq(seq: number): T | undefined {
    if (!this.has(seq)) return undefined;
    return this.slots[(this.head + (seq - this.firstSeq)) % this.slots.length];
  }

  /** Calls `visit` for every buffered item with `fromSeq <= seq <= toSeq`, oldest first. */
  forEachInRange(fromSeq: number, toSeq: number, visit: (item: T, seq: number) => void): void {
    const from = Math.max(fromSeq, this.firstSeq);
    const to = Math.min(toSeq, this.lastSeq);
    for (let seq = from; seq <= to; seq += 1) {
      visit(this.slots[(this.head + (seq - this.firstSeq)) % this.slots.length] as T, seq);
    }
  }

  /**
   * Changes the capacity, keeping the newest items. Returns the items dropped to fit, oldest first,
   * so the owner can update its indexes and counters.
   */
  setCapacity(capacity: number): T[] {
    assertCapacity(capacity);
    const dropCount = Math.max(0, this.count - capacity);
    const dropped: T[] = [];
    const kept: (T | undefined)[] = new Array<T | undefined>(capacity);
    const oldCapacity = this.slots.length;
    for (let i = 0; i < this.count; i += 1) {
      const item = this.slots[(this.head + i) % oldCapacity] as T;
      if (i < dropCount) dropped.push(item);
      else kept[i - dropCount] = item;
    }
    this.slots = kept;
    this.head = 0;
    this.count -= dropCount;
    return dropped;
  }

  /** Moves the next seq up to `seq` (never down) while the ring is empty: seqs below it are taken elsewhere. */
  skipTo(seq: number): void {
    if (this.count === 0 && seq > this.next) this.next = seq;
  }

  /** Drops every item. Seqs keep counting up: a cleared seq is never handed out again. */
  clear(): void {
    this.slots = new Array<T | undefined>(this.slots.length);
    this.head = 0;
    this.count = 0;
  }
}

function assertCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
  }
}
