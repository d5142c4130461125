import { AppError } from "./app-error";
import { RateLimiter } from "@/lib/auth/rate-limiter";

// One limiter per server process, kept across Next's dev reloads; separate from the uploads' budget.
const holder = globalThis as typeof globalThis & { __atlasEditLimiter?: RateLimiter };

/** Counts a registry edit against its token; 429 with Retry-After past `perMinute`. */
export function takeEditSlot(tokenId: number, perMinute: number): void {
  holder.__atlasEditLimiter ??= new RateLimiter(60_000);
  const taken = holder.__atlasEditLimiter.take(String(tokenId), perMinute);
  if (!taken.ok) {
    throw new AppError(429, "rate_limited", `this token may make ${perMinute} registry edits a minute; retry in ${taken.retryAfterSeconds} s`, {
      "retry-after": String(taken.retryAfterSeconds),
    });
  }
}
