export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A sliding window: at most `limit` events in any `windowMs`. Given the times (ms)
 * of a key's recent events and the time now, decides whether one more is allowed,
 * and returns the events to keep (the window's, plus this one when allowed). Pure:
 * the events live wherever the caller keeps them (Postgres, lib/db/rate-slots.ts,
 * so every web process shares one budget per token).
 */
export function takeFromWindow(events: number[], limit: number, windowMs: number, now: number): { decision: RateDecision; events: number[] } {
  const recent = events.filter((t) => t > now - windowMs).sort((a, b) => a - b);
  if (recent.length >= limit) {
    const freeAt = recent[recent.length - limit] + windowMs;
    return { decision: { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) }, events: recent };
  }
  return { decision: { ok: true }, events: [...recent, now] };
}
