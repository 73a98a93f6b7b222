import { describe, expect, it } from 'vitest';
import { PostingStore } from '../src/search/postings.js';

const pairs = (store: PostingStore, slot: number) => {
  const found: [number, number][] = [];
  store.forEach(slot, (doc, freq) => found.push([doc, freq]));
  return found;
};

describe('PostingStore', () => {
  it('keeps (document, frequency) pairs of any size, per slot, through moves and rewrites', () => {
    const store = new PostingStore();
    store.ensureSlots(3);
    const big: [number, number][] = [0, 1, 127, 128, 16_383, 16_384, 2_097_152, 300_000_000].map((doc, i) => [
      doc,
      [1, 127, 128, 70_000][i % 4]!,
    ]);
    for (const [doc, freq] of big) store.append(1, doc, freq);
    // Interleaved appends make runs move past each other in the arena.
    const small: [number, number][] = Array.from({ length: 2000 }, (_, i) => [i * 3, 1 + (i % 200)]);
    for (const [doc, freq] of small) {
      store.append(0, doc, freq);
      store.append(2, doc + 1, 2);
    }
    expect(pairs(store, 1)).toEqual(big);
    expect(pairs(store, 0)).toEqual(small);
    expect(store.count(2)).toBe(2000);
    expect(() => store.append(0, 3, 1)).toThrow(/out of order/);

    store.rewrite();
    expect(pairs(store, 1)).toEqual(big);
    expect(pairs(store, 0)).toEqual(small);
    store.append(0, 6000, 9); // appends after a rewrite go on where the run ended
    expect(pairs(store, 0).at(-1)).toEqual([6000, 9]);
  });

  it('drops and renumbers documents, then drops and renumbers emptied slots', () => {
    const store = new PostingStore();
    store.ensureSlots(3);
    for (const doc of [0, 1, 2, 3]) store.append(0, doc, doc + 1);
    store.append(1, 2, 5);
    for (const doc of [1, 3]) store.append(2, doc, 1);
    // Document 2 is deleted; 3 becomes 2.
    store.rewrite(Int32Array.from([0, 1, -1, 2]));
    expect(pairs(store, 0)).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
    expect(store.isEmpty(1)).toBe(true);
    expect(pairs(store, 2)).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(store.count(0)).toBe(3);
    expect(() => store.renumberSlots(Int32Array.from([-1, 0, 1]), 2)).toThrow(/postings in it/);
    store.renumberSlots(Int32Array.from([0, -1, 1]), 2);
    expect(store.slotCount).toBe(2);
    expect(pairs(store, 1)).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(store.wastedBytes).toBeGreaterThanOrEqual(0);
  });
});
