import { AppError } from "@/lib/api/app-error";
import { RateLimiter } from "@/lib/auth/rate-limiter";

// One limiter per server process, kept across Next's dev reloads.
const holder = globalThis as typeof globalThis & { __atlasUploadLimiter?: RateLimiter };

/** Counts an upload request against its token; 429 with Retry-After past `perMinute`. */
export function takeUploadSlot(tokenId: number, perMinute: number): void {
  holder.__atlasUploadLimiter ??= new RateLimiter(60_000);
  const taken = holder.__atlasUploadLimiter.take(String(tokenId), perMinute);
  if (!taken.ok) {
    throw new AppError(
      429,
      "rate_limited",
      `this token may make ${perMinute} uploads a minute; retry in ${taken.retryAfterSeconds} s`,
      { "retry-after": String(taken.retryAfterSeconds) },
    );
  }
}
