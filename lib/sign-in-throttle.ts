// Slows down password guessing: after 5 failed sign-ins for a name within 15 minutes, that name is refused
// until the oldest failure is 15 minutes old. In memory: a restart forgets, which is fine for this purpose.
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;
const failures = new Map<string, number[]>();

function recent(name: string, now: number): number[] {
  const kept = (failures.get(name) ?? []).filter((at) => now - at < WINDOW_MS);
  if (kept.length) failures.set(name, kept);
  else failures.delete(name);
  return kept;
}

export const signInAllowed = (name: string, now = Date.now()) => recent(name, now).length < MAX_FAILURES;

export function signInFailed(name: string, now = Date.now()): void {
  failures.set(name, [...recent(name, now), now]);
}

export const signInSucceeded = (name: string) => failures.delete(name);
