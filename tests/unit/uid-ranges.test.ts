import { describe, expect, it } from 'vitest';
import { pickFreeSlot, slotOfBase, UID_RANGE_SIZE, UID_SLOTS, uidBaseOf } from '@/sandbox/uid-ranges';

describe('uid ranges', () => {
  it('lie between 2^30 and 2^31, one of 65536 ids per slot, none holding uid 0', () => {
    expect(uidBaseOf(0)).toBe(2 ** 30);
    expect(uidBaseOf(1) - uidBaseOf(0)).toBe(UID_RANGE_SIZE);
    expect(uidBaseOf(UID_SLOTS - 1) + UID_RANGE_SIZE).toBe(2 ** 31);
    expect(() => uidBaseOf(UID_SLOTS)).toThrow(/no uid range slot/);
    expect(() => uidBaseOf(-1)).toThrow(/no uid range slot/);
  });

  it('read back the slot of a base, and nothing for a base that is not one', () => {
    expect(slotOfBase(uidBaseOf(4321))).toBe(4321);
    expect(slotOfBase(100000)).toBeUndefined();
    expect(slotOfBase(uidBaseOf(7) + 1)).toBeUndefined();
    expect(slotOfBase(Number.NaN)).toBeUndefined();
  });

  it('hand out a free slot, never a used one, chosen among the free ones', () => {
    const used = new Set([0, 1, 2, 4]);
    expect(pickFreeSlot(used, () => 0)).toBe(3);
    expect(pickFreeSlot(used, () => 0.9999999)).toBe(UID_SLOTS - 1);
    for (let i = 0; i < 100; i++) expect(used.has(pickFreeSlot(used))).toBe(false);
  });

  it('say so when every range is taken', () => {
    const all = new Set(Array.from({ length: UID_SLOTS }, (_, i) => i));
    expect(() => pickFreeSlot(all)).toThrow('every uid range is in use');
  });
});
