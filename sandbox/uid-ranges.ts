// Host uid ranges for the learners' user namespaces. Each sandbox's learner root is host uid `base`, and its
// 65536 ids run to base+65535: a range no other sandbox has at the same time. Ranges lie between 2^30 and
// 2^31, far above the host's users and services (and above the 100000… that /etc/subuid hands out), so no
// range holds uid 0 or anyone else's id.
export const UID_RANGE_SIZE = 65536;
const FIRST_BASE = 2 ** 30;
export const UID_SLOTS = 16384;

export function uidBaseOf(slot: number): number {
  if (!Number.isInteger(slot) || slot < 0 || slot >= UID_SLOTS) throw new Error(`no uid range slot ${slot}`);
  return FIRST_BASE + slot * UID_RANGE_SIZE;
}

/** The slot of a base (from a sandbox's label), or undefined when it is not one. */
export function slotOfBase(base: number): number | undefined {
  const slot = (base - FIRST_BASE) / UID_RANGE_SIZE;
  return Number.isInteger(slot) && slot >= 0 && slot < UID_SLOTS ? slot : undefined;
}

/**
 * A free slot, chosen at random among the free ones, so that a range freed a moment ago is rarely handed
 * out again at once.
 */
export function pickFreeSlot(used: ReadonlySet<number>, random: () => number = Math.random): number {
  const free = UID_SLOTS - used.size;
  if (free <= 0) throw new Error('every uid range is in use');
  let skip = Math.floor(random() * free);
  for (let slot = 0; slot < UID_SLOTS; slot++) {
    if (used.has(slot)) continue;
    if (skip-- === 0) return slot;
  }
  throw new Error('every uid range is in use');
}
