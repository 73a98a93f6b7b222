// The postings of a search index in one byte arena instead of a Map per term and field: at 10,000
// articles that is millions of (term, article) pairs, which as Map entries cost ~30 bytes each
// and here cost about 2.

/** Extra room a run gets when the arena is rewritten, so the next articles can be appended in place. */
const slackOf = (used: number) => (used >> 3) + 4;
const minRun = 8;

function writeVarint(bytes: Uint8Array, pos: number, value: number): number {
  while (value >= 0x80) {
    bytes[pos++] = value % 0x80 | 0x80;
    value = Math.floor(value / 0x80);
  }
  bytes[pos++] = value;
  return pos;
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    size += 1;
  }
  return size;
}

/**
 * Runs of (document number, term frequency) pairs, one run per slot (a term in a field), each
 * pair as two unsigned varints: the gap from the previous document number, then the frequency.
 * Documents are appended in increasing number, so gaps are small (1 byte for a common term).
 * A run that is full moves to the end of the arena with twice its room; the room it leaves is
 * reclaimed by `rewrite`, which also drops documents that were deleted.
 */
export class PostingStore {
  private bytes = new Uint8Array(1 << 16);
  /** End of the allocated part of the arena. */
  private end = 0;
  /** Bytes of runs left behind by moves, reclaimed by the next rewrite. */
  private abandoned = 0;
  private slots = 0;
  private start = new Uint32Array(0);
  private used = new Uint32Array(0);
  private room = new Uint32Array(0);
  /** Last document number appended to the slot, plus one (0: none yet). */
  private last = new Uint32Array(0);
  /** Pairs in the slot (deleted documents included until a rewrite). */
  private entries = new Uint32Array(0);

  get slotCount(): number {
    return this.slots;
  }

  /** Bytes held: the arena and the per-slot tables. */
  get byteLength(): number {
    return this.bytes.byteLength + this.start.byteLength * 5;
  }

  /** Bytes not holding a pair: room left behind by moves or reserved at the end of runs. */
  get wastedBytes(): number {
    let used = 0;
    for (let slot = 0; slot < this.slots; slot += 1) used += this.used[slot]!;
    return this.bytes.byteLength - used;
  }

  /** Makes slots 0..count-1 exist (new ones empty). */
  ensureSlots(count: number): void {
    if (count <= this.start.length) {
      this.slots = Math.max(this.slots, count);
      return;
    }
    const size = Math.max(count, this.start.length * 2, 256);
    const grow = (array: Uint32Array) => {
      const next = new Uint32Array(size);
      next.set(array);
      return next;
    };
    this.start = grow(this.start);
    this.used = grow(this.used);
    this.room = grow(this.room);
    this.last = grow(this.last);
    this.entries = grow(this.entries);
    this.slots = count;
  }

  isEmpty(slot: number): boolean {
    return this.used[slot] === 0;
  }

  /** Pairs in the slot, deleted documents included (until the next rewrite). */
  count(slot: number): number {
    return this.entries[slot]!;
  }

  /** Appends a pair; `doc` must be greater than every document already in the slot. */
  append(slot: number, doc: number, freq: number): void {
    const gap = doc + 1 - this.last[slot]!;
    if (gap <= 0) throw new Error(`postings: document ${doc} appended out of order`);
    const need = varintSize(gap) + varintSize(freq);
    if (this.used[slot]! + need > this.room[slot]!) this.grow(slot, need);
    let pos = this.start[slot]! + this.used[slot]!;
    pos = writeVarint(this.bytes, pos, gap);
    pos = writeVarint(this.bytes, pos, freq);
    this.used[slot] = pos - this.start[slot]!;
    this.last[slot] = doc + 1;
    this.entries[slot] = this.entries[slot]! + 1;
  }

  /** Calls `visit` with each pair of the slot, in document order. */
  forEach(slot: number, visit: (doc: number, freq: number) => void): void {
    const bytes = this.bytes;
    let pos = this.start[slot]!;
    const end = pos + this.used[slot]!;
    let doc = -1;
    while (pos < end) {
      let gap = 0;
      let scale = 1;
      let byte: number;
      do {
        byte = bytes[pos++]!;
        gap += (byte & 0x7f) * scale;
        scale *= 0x80;
      } while (byte & 0x80);
      let freq = 0;
      scale = 1;
      do {
        byte = bytes[pos++]!;
        freq += (byte & 0x7f) * scale;
        scale *= 0x80;
      } while (byte & 0x80);
      doc += gap;
      visit(doc, freq);
    }
  }

  /**
   * Rewrites every run tightly (with a little room) into a new arena, renumbering documents by
   * `docMap` (-1 drops the document). Without a map, only reclaims room.
   */
  rewrite(docMap: Int32Array | null = null): void {
    let total = 0;
    for (let slot = 0; slot < this.slots; slot += 1) total += this.used[slot]! + slackOf(this.used[slot]!);
    const bytes = new Uint8Array(Math.max(total, 1024));
    let end = 0;
    for (let slot = 0; slot < this.slots; slot += 1) {
      const start = end;
      let previous = 0;
      let entries = 0;
      this.forEach(slot, (doc, freq) => {
        const renumbered = docMap ? docMap[doc]! : doc;
        if (renumbered < 0) return;
        entries += 1;
        end = writeVarint(bytes, end, renumbered + 1 - previous);
        end = writeVarint(bytes, end, freq);
        previous = renumbered + 1;
      });
      const used = end - start;
      this.start[slot] = start;
      this.used[slot] = used;
      this.last[slot] = previous;
      this.entries[slot] = entries;
      this.room[slot] = used === 0 ? 0 : used + slackOf(used);
      end = start + this.room[slot]!;
    }
    // Dropping documents shrinks runs: give back what the upper bound over-reserved.
    this.bytes = end < bytes.length * 0.9 ? bytes.slice(0, Math.max(end, 1024)) : bytes;
    this.end = end;
    this.abandoned = 0;
  }

  /** Moves slot `s` to `slotMap[s]` (-1: drops it; it must be empty), leaving `count` slots. */
  renumberSlots(slotMap: Int32Array, count: number): void {
    const size = Math.max(count, 256);
    const start = new Uint32Array(size);
    const used = new Uint32Array(size);
    const room = new Uint32Array(size);
    const last = new Uint32Array(size);
    const entries = new Uint32Array(size);
    for (let slot = 0; slot < this.slots; slot += 1) {
      const target = slotMap[slot]!;
      if (target < 0) {
        if (this.used[slot]! > 0) throw new Error(`postings: slot ${slot} dropped with postings in it`);
        this.abandoned += this.room[slot]!;
        continue;
      }
      start[target] = this.start[slot]!;
      used[target] = this.used[slot]!;
      room[target] = this.room[slot]!;
      last[target] = this.last[slot]!;
      entries[target] = this.entries[slot]!;
    }
    this.start = start;
    this.used = used;
    this.room = room;
    this.last = last;
    this.entries = entries;
    this.slots = count;
  }

  private grow(slot: number, need: number): void {
    // Half the arena left behind by moves: rewrite instead of growing it further.
    if (this.abandoned > this.end / 4 && this.abandoned > 1 << 20) this.rewrite();
    const start = this.start[slot]!;
    const used = this.used[slot]!;
    const room = this.room[slot]!;
    const next = Math.max(minRun, room * 2, used + need);
    if (room > 0 && start + room === this.end) {
      // The last run of the arena grows in place.
      this.reserve(next - room);
      this.end += next - room;
    } else {
      this.reserve(next);
      this.bytes.copyWithin(this.end, start, start + used);
      this.start[slot] = this.end;
      this.end += next;
      this.abandoned += room;
    }
    this.room[slot] = next;
  }

  private reserve(extra: number): void {
    if (this.end + extra <= this.bytes.length) return;
    const bytes = new Uint8Array(Math.max(Math.ceil(this.bytes.length * 1.5), this.end + extra));
    bytes.set(this.bytes.subarray(0, this.end));
    this.bytes = bytes;
  }
}
