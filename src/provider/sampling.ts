/** FNV-1a of the text, scaled to 0..1: the same session id always lands on the same point. */
function hashToUnit(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 0x100000000;
}

/**
 * Whether a session's events are kept under a sample rate: decided by the session id, so every event of one
 * session (across tabs and reloads) is kept or dropped together. Without a session id, `fallback` (a random
 * point chosen once per provider) decides.
 */
export function isSampledIn(rate: number | undefined, sessionId: string | undefined, fallback: number): boolean {
  if (rate === undefined || rate >= 1) return true;
  if (rate <= 0) return false;
  return (sessionId === undefined ? fallback : hashToUnit(sessionId)) < rate;
}
