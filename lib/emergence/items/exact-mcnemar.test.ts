import { describe, expect, it } from "vitest";
import { binomialHalfLowerTail, exactMcNemar } from "./exact-mcnemar";
import { pairedDifference, wilsonInterval } from "./paired-difference";

describe("exactMcNemar", () => {
  it("gives the exact two-sided binomial p-value on the discordant items", () => {
    // b = 1, c = 9: 2 · (1 + 10) / 2^10 = 0.021484375 (R: binom.test(1, 10)$p.value)
    const r = exactMcNemar({ both: 20, firstOnly: 1, secondOnly: 9, neither: 30 });
    expect(r.p).toBeCloseTo(0.021484375, 12);
    expect(r.n).toBe(60);
    expect(r.effect).toBeCloseTo(8 / 60, 12);
  });

  it("is 1 when nothing or everything is balanced, and symmetric in the direction", () => {
    expect(exactMcNemar({ both: 5, firstOnly: 0, secondOnly: 0, neither: 5 }).p).toBe(1);
    expect(exactMcNemar({ both: 5, firstOnly: 4, secondOnly: 4, neither: 5 }).p).toBe(1);
    const up = exactMcNemar({ both: 5, firstOnly: 2, secondOnly: 12, neither: 5 });
    const down = exactMcNemar({ both: 5, firstOnly: 12, secondOnly: 2, neither: 5 });
    expect(up.p).toBeCloseTo(down.p, 14);
    expect(up.effect).toBeCloseTo(-down.effect, 14);
  });

  it("resolves tiny p-values with thousands of discordant items", () => {
    // 3,000 items move up and 2,000 down: z ≈ 14.1, p far below any Monte-Carlo floor but not 0
    const p = exactMcNemar({ both: 1000, firstOnly: 2000, secondOnly: 3000, neither: 4000 }).p;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-40);
    // the tail of Binomial(4, ½): P(X ≤ 1) = 5/16
    expect(binomialHalfLowerTail(1, 4)).toBeCloseTo(5 / 16, 14);
  });
});

describe("pairedDifference (Newcombe 1998 method 10)", () => {
  it("matches the published square-and-add interval on Cavo et al. 2012", () => {
    // contingencytables (Fagerland, Lydersen & Laake), chapter 8: table [[59, 6], [16, 80]],
    // p1 − p2 = −0.0621 (95% CI −0.1186 to −0.0046); ours reads second − first, so the signs flip
    const r = pairedDifference({ both: 59, firstOnly: 6, secondOnly: 16, neither: 80 });
    expect(r.effect).toBeCloseTo(0.0621, 4);
    expect(r.interval[0]).toBeCloseTo(0.0046, 4);
    expect(r.interval[1]).toBeCloseTo(0.1186, 4);
  });

  it("keeps a real width when no item changed and stays inside [−1, 1]", () => {
    const still = pairedDifference({ both: 10, firstOnly: 0, secondOnly: 0, neither: 10 });
    expect(still.effect).toBe(0);
    expect(still.interval[0]).toBeLessThan(0);
    expect(still.interval[1]).toBeGreaterThan(0);
    const all = pairedDifference({ both: 0, firstOnly: 0, secondOnly: 30, neither: 0 });
    expect(all.effect).toBe(1);
    expect(all.interval[1]).toBeLessThanOrEqual(1);
    expect(all.interval[0]).toBeGreaterThan(0.8);
  });

  it("uses the Wilson score interval for each proportion", () => {
    // 8 of 10: Wilson 95% interval 0.4902 to 0.9433 (R: prop.test(8, 10, correct = FALSE)$conf.int)
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
  });
});
