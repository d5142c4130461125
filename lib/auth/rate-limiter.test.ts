import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  it("allows `limit` events a window per key, then says when to retry", () => {
    const limiter = new RateLimiter(60_000);
    const t0 = 1_000_000;
    expect(limiter.take("a", 2, t0)).toEqual({ ok: true });
    expect(limiter.take("a", 2, t0 + 10_000)).toEqual({ ok: true });
    expect(limiter.take("b", 2, t0 + 10_000)).toEqual({ ok: true });
    expect(limiter.take("a", 2, t0 + 20_000)).toEqual({ ok: false, retryAfterSeconds: 40 });
    expect(limiter.take("a", 2, t0 + 60_001)).toEqual({ ok: true });
  });
});
