import { AppError } from "@/lib/errors/app-error";
import { RateLimiter } from "@/lib/auth/rate-limiter";

/** What a token spends its per-minute budgets on; each has its own. */
export type RateBucket = "uploads" | "registry edits" | "deletions";

// One limiter per bucket per server process, kept across Next's dev reloads.
const holder = globalThis as typeof globalThis & { __atlasRateLimiters?: Map<RateBucket, RateLimiter> };

/** Counts one request against its token's budget for the bucket; 429 with Retry-After past `perMinute`. */
export function takeRateSlot(bucket: RateBucket, tokenId: number, perMinute: number): void {
  holder.__atlasRateLimiters ??= new Map();
  let limiter = holder.__atlasRateLimiters.get(bucket);
  if (limiter === undefined) {
    limiter = new RateLimiter(60_000);
    holder.__atlasRateLimiters.set(bucket, limiter);
  }
  const taken = limiter.take(String(tokenId), perMinute);
  if (!taken.ok) {
    throw new AppError(429, "rate_limited", `this token may make ${perMinute} ${bucket} a minute; retry in ${taken.retryAfterSeconds} s`, {
      "retry-after": String(taken.retryAfterSeconds),
    });
  }
}
