import { describe, expect, it } from "vitest";
import { takeFromWindow } from "./rate-limiter";

describe("takeFromWindow", () => {
  it("allows `limit` events a window, then says when to retry, and forgets events older than the window", () => {
    const t0 = 1_000_000;
    let events: number[] = [];
    const take = (now: number) => {
      const taken = takeFromWindow(events, 2, 60_000, now);
      events = taken.events;
      return taken.decision;
    };
    expect(take(t0)).toEqual({ ok: true });
    expect(take(t0 + 10_000)).toEqual({ ok: true });
    expect(take(t0 + 20_000)).toEqual({ ok: false, retryAfterSeconds: 40 });
    expect(events).toEqual([t0, t0 + 10_000]);
    expect(take(t0 + 60_001)).toEqual({ ok: true });
    expect(events).toEqual([t0 + 10_000, t0 + 60_001]);
  });

  it("never says to retry in less than a second", () => {
    expect(takeFromWindow([999], 1, 1_000, 1_998.5).decision).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
