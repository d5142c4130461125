import { describe, expect, it } from "vitest";
import { aicc } from "./aicc";
import { hashSeed } from "./hash-seed";
import { normalQuantile } from "./normal-quantile";
import { normalUpperTail } from "./normal-tail";
import { median, quantile } from "./quantile";
import { createRandom } from "./random";
import { solveBasis } from "./solve-basis";

describe("normalUpperTail", () => {
  it.each([
    [0, 0.5],
    [1.959963985, 0.025],
    [-1, 0.8413447461],
    [3, 0.0013498980],
    [6, 9.8658765e-10],
  ])("P(Z > %s) = %s to 1e-6 relative", (z, p) => {
    expect(Math.abs(normalUpperTail(z) - p) / p).toBeLessThan(1e-6);
  });
});

describe("normalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.975, 1.959963985],
    [0.01, -2.326347874],
    [1e-6, -4.753424309],
  ])("Φ⁻¹(%s) = %s to 1e-8", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-8);
  });
  it("inverts normalUpperTail", () => {
    for (const z of [-3, -0.5, 0.7, 2.5]) expect(normalQuantile(1 - normalUpperTail(z))).toBeCloseTo(z, 6);
  });
});

describe("quantile (type 7) and median", () => {
  it.each([
    [0, 1],
    [0.25, 1.75],
    [0.5, 2.5],
    [1, 4],
  ])("q = %s of [1, 2, 3, 4] is %s", (q, v) => {
    expect(quantile(Float64Array.from([1, 2, 3, 4]), q)).toBeCloseTo(v, 12);
  });
  it("sorts a copy for the median", () => {
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("createRandom and hashSeed", () => {
  it("repeats for a seed and gives standard normals", () => {
    const draw = (seed: number) => Array.from({ length: 4 }, createRandom(seed).normal);
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
    const r = createRandom(9);
    const xs = Array.from({ length: 40_000 }, r.normal);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });
  it("derives distinct, stable 32-bit seeds from id and seed", () => {
    expect(hashSeed("a|b", 0)).toBe(hashSeed("a|b", 0));
    expect(hashSeed("a|b", 0)).not.toBe(hashSeed("a|c", 0));
    expect(hashSeed("a|b", 0)).not.toBe(hashSeed("a|b", 1));
    expect(Number.isInteger(hashSeed("x", 5)) && hashSeed("x", 5) >= 0).toBe(true);
  });
});

describe("aicc", () => {
  it("uses χ² + 2p + 2p(p+1)/(n−p−1) with known errors", () => {
    expect(aicc(10, 8, 2, null)).toBeCloseTo(10 + 4 + 12 / 5, 12);
  });
  it("uses n ln(RSS/n) + 2K + 2K(K+1)/(n−K−1), K = p + 1, with an estimated sigma", () => {
    // χ² = 4 with σ² = 0.25 → RSS = 1
    expect(aicc(4, 8, 2, 0.25)).toBeCloseTo(8 * Math.log(1 / 8) + 6 + 24 / 4, 12);
  });
  it("is null when n − K − 1 ≤ 0", () => {
    expect(aicc(1, 5, 4, null)).toBeNull();
    expect(aicc(1, 5, 3, 1)).toBeNull();
  });
});

describe("solveBasis", () => {
  // u = 1 + 2g at g = 0, 0.5, 1 with unit weights
  const sums = (u: number[], g = [0, 0.5, 1]) => {
    const s = { sw: 3, swg: 0, swgg: 0, swu: 0, swuu: 0, swgu: 0 };
    u.forEach((ui, i) => Object.assign(s, { swg: s.swg + g[i], swgg: s.swgg + g[i] ** 2, swu: s.swu + ui, swuu: s.swuu + ui * ui, swgu: s.swgu + g[i] * ui }));
    return s;
  };
  const solve = (u: number[], c: Parameters<typeof solveBasis>[6]) => {
    const s = sums(u);
    return solveBasis(s.sw, s.swg, s.swgg, s.swu, s.swuu, s.swgu, c, { a: 0, b: 0, chi2: 0 });
  };
  it.each([
    ["free", { floor: null, top: null, nonNegative: false }, [1, 2, 3], { a: 1, b: 2, chi2: 0 }],
    ["fixed floor", { floor: 0, top: null, nonNegative: true }, [1, 2, 3], { a: 0, b: 3.2, chi2: 1.2 }],
    ["top at its bound", { floor: null, top: 2.5, nonNegative: true }, [1, 2, 3], { a: 1.1, b: 1.4, chi2: 0.3 }],
    ["slope held at 0", { floor: null, top: null, nonNegative: true }, [3, 2, 1], { a: 2, b: 0, chi2: 2 }],
  ])("%s", (_, c, u, expected) => {
    const s = solve(u, c);
    expect(s.a).toBeCloseTo(expected.a, 10);
    expect(s.b).toBeCloseTo(expected.b, 10);
    expect(s.chi2).toBeCloseTo(expected.chi2, 10);
  });
});
