/**
 * A sliding-window counter per key (an API token): at most `limit` events in any
 * `windowMs`. In memory, so per server process; the app runs as one process.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(private readonly windowMs = 60_000) {}

  /** Records an event, or says how many seconds until one is allowed. */
  take(key: string, limit: number, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const recent = (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= limit) {
      this.events.set(key, recent);
      const freeAt = recent[recent.length - limit] + this.windowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
    }
    recent.push(now);
    this.events.set(key, recent);
    return { ok: true };
  }
}
