import { describe, expect, it } from "vitest";
import { curveAnalysisSchema, type CurveAnalysis } from "@/lib/schemas/analysis";
import { analyzeCurves } from "./analyze-curves";
import { createRandom } from "./random";
import { makeCurve, PROPORTION, SCALES } from "./test-curves";

const step = makeCurve("step", (t) => (t < 9 ? 0.25 : 0.8));
const line = makeCurve("line", (t) => 0.3 + 0.1 * (t - 7));
const logisticCurve = makeCurve("logistic", (t) => 0.25 + 0.6 / (1 + Math.exp(-2 * (t - 9))), { se: 0.005 });
const wiggle = [0.006, -0.004, 0.008, -0.007, 0.002, -0.003, 0.007, -0.005];
const flat = makeCurve("flat", (_, i) => 0.25 + wiggle[i]);
const declining = makeCurve("declining", (t) => 0.8 - 0.1 * (t - 7));
const perplexity = makeCurve("perplexity", (t) => 40 - 6 * (t - 7), {
  se: 0.2,
  chance: null,
  metric: { higherIsBetter: false, lowerBound: 0, upperBound: null, kind: "continuous" },
});

function one(curve: Parameters<typeof analyzeCurves>[0][number], options = {}): CurveAnalysis {
  return curveAnalysisSchema.parse(analyzeCurves([curve], options)[0]);
}

describe("analyzeCurves verdicts on hand-made curves", () => {
  it.each([
    ["a step at 1e9 from chance 0.25 to 0.8, se 0.01", "abrupt", step],
    ["a straight line in log-x", "smooth", line],
    ["flat at chance 0.25 with ±0.008 noise, se 0.01", "flat-at-chance", flat],
    ["0.8 falling 0.1 per decade", "declining", declining],
    ["perplexity falling with scale (lower is better, no chance)", "smooth", perplexity],
  ] as const)("%s → %s", (_, verdict, curve) => {
    const result = one(curve);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons[0].startsWith(`${verdict}:`)).toBe(true);
  });

  it("places the step's threshold at 1e9, between the scales around it and inside its interval", () => {
    const result = one(step);
    const threshold = result.threshold!;
    expect(result.best).toBe("logistic");
    expect(Math.log10(threshold.x)).toBeGreaterThan(7 + 12 / 7); // 4th scale, 10^8.71
    expect(Math.log10(threshold.x)).toBeLessThan(7 + 16 / 7); // 5th scale, 10^9.29
    expect(Math.abs(Math.log10(threshold.x) - 9)).toBeLessThan(0.3);
    expect(threshold.interval![0]).toBeLessThanOrEqual(1e9);
    expect(threshold.interval![1]).toBeGreaterThanOrEqual(1e9);
    expect(result.pAdjusted).toBeLessThan(0.01);
    expect(result.breakthroughness.interval![0]).toBeGreaterThan(result.breakthroughness.smoothCutoff!);
    expect(result.points.slice(0, 4).every((p) => p.vsChance === "at-chance")).toBe(true);
    expect(result.points.slice(4).every((p) => p.vsChance === "above")).toBe(true);
  });

  it("recovers a logistic's midpoint (1e9) and steepness (2 per decade) to 0.02", () => {
    const result = one(logisticCurve);
    expect(result.best).toBe("logistic");
    const params = result.fits.find((f) => f.kind === "logistic")!.params;
    expect(params.midpoint).toBeCloseTo(9, 1);
    expect(Math.abs(params.midpoint - 9)).toBeLessThan(0.02);
    expect(Math.abs(params.k - 2)).toBeLessThan(0.02);
    expect(params.floor).toBe(0.25);
    expect(params.top).toBeCloseTo(0.85, 2);
    expect(result.threshold!.interval![0]).toBeLessThan(1e9);
    expect(result.threshold!.interval![1]).toBeGreaterThan(1e9);
  });

  it("fits a straight line exactly, prefers it by AICc, and scores B = n − 1 = 7 on even spacing", () => {
    const result = one(line);
    const linear = result.fits.find((f) => f.kind === "linear")!;
    expect(result.best).toBe("linear");
    expect(result.deltaAicc).toBe(0);
    expect(linear.params.slope).toBeCloseTo(0.1, 10);
    expect(linear.params.intercept).toBeCloseTo(-0.4, 10);
    expect(linear.rss).toBeLessThan(1e-12);
    expect(linear.looRmse).toBeLessThan(1e-9);
    expect(result.breakthroughness.bigbench).toBeCloseTo(7, 9);
    expect(result.breakthroughness.robust).toBeCloseTo(7, 9);
    expect(result.fitted).toHaveLength(60);
    expect(result.fitted[0].x).toBeCloseTo(1e7, 0);
    expect(result.fitted[59].y).toBeCloseTo(0.7, 9);
  });

  it("signs breakthroughness by improvement: declines negative, falling perplexity positive", () => {
    expect(one(declining).breakthroughness.robust).toBeCloseTo(-7, 9);
    const ppl = one(perplexity);
    expect(ppl.breakthroughness.bigbench).toBeCloseTo(-7, 9); // Appendix B on the raw metric
    expect(ppl.breakthroughness.robust).toBeCloseTo(7, 9);
    expect(ppl.fits.find((f) => f.kind === "linear")!.params.slope).toBeCloseTo(-6, 9);
    expect(ppl.reasons.some((r) => r.includes("chance level unknown"))).toBe(true);
    expect(ppl.points.every((p) => p.vsChance === "unknown")).toBe(true);
  });

  it("gives BIG-bench B = null when the median step is 0, while the robust score stays finite", () => {
    const plateau = makeCurve("plateau", (_, i) => (i < 6 ? 0 : 0.6), { chance: 0 });
    const result = one(plateau);
    expect(result.breakthroughness.bigbench).toBeNull();
    expect(Number.isFinite(result.breakthroughness.robust)).toBe(true);
    expect(result.breakthroughness.robust).toBeGreaterThan(0);
  });
});

describe("analyzeCurves: what it cannot tell", () => {
  it("calls 4 scales insufficient, says how many and that 5 are needed, and still returns the points", () => {
    const result = one(makeCurve("four", (t) => 0.3 + 0.1 * (t - 7), { scales: SCALES.slice(0, 4) }));
    expect(result.verdict).toBe("insufficient");
    expect(result.reasons[0]).toBe("insufficient: 4 distinct scale(s), need at least 5");
    expect(result.points).toHaveLength(4);
    expect(result.points.every((p) => p.seSource === "stderr")).toBe(true);
    expect(result.fits).toEqual([]);
  });

  it("calls 5 scales without standard errors insufficient: no noise estimate", () => {
    const result = one(makeCurve("no-se", (t) => 0.3 + 0.1 * (t - 7), { se: null, scales: SCALES.slice(0, 5) }));
    expect(result.verdict).toBe("insufficient");
    expect(result.reasons[0]).toContain("no standard errors, and too few points to estimate noise");
    expect(result.points.every((p) => p.se === null && p.vsChance === "unknown")).toBe(true);
  });

  it("uses binomial errors when n is known, and a residual sigma with 8 scales and nothing else", () => {
    const binomial = one(makeCurve("binomial", (t) => 0.3 + 0.1 * (t - 7), { se: null, n: 400 }));
    expect(binomial.points[0].seSource).toBe("binomial");
    expect(binomial.points[0].se).toBeCloseTo(Math.sqrt((0.3 * 0.7) / 400), 12);
    const residual = one(makeCurve("residual", (t, i) => 0.3 + 0.1 * (t - 7) + wiggle[i], { se: null }));
    expect(residual.points.every((p) => p.seSource === "residual")).toBe(true);
    expect(residual.reasons.some((r) => r.includes("estimated from the residuals of the linear fit"))).toBe(true);
    expect(residual.verdict).toBe("smooth");
  });

  it("flags all zeros next to a family well above chance at the same scales as suspect-zero", () => {
    const group = "arith|exact_match|0|params";
    const zeros = makeCurve("broken", () => 0, { se: null, n: 1000, chance: 0, group });
    const working = makeCurve("working", (t) => 0.1 * (t - 6), { se: null, n: 1000, chance: 0, group });
    const [broken, fine] = analyzeCurves([zeros, working]);
    expect(broken.verdict).toBe("suspect-zero");
    expect(broken.reasons[0]).toContain("working");
    expect(fine.verdict).toBe("smooth");
    // the same zeros are a plausible absence when the other family is above chance only at larger scales
    const bigger = makeCurve("bigger", (t) => (t > 12 ? 0.3 : 0), { se: null, n: 1000, chance: 0, group, scales: SCALES.map((x) => x * 1e3) });
    expect(analyzeCurves([zeros, bigger])[0].verdict).toBe("flat-at-chance");
  });
});

describe("analyzeCurves: reproducibility and multiple comparisons", () => {
  it("returns identical output for the same seed, whatever the input order", () => {
    const curves = [step, line, flat, logisticCurve];
    const first = analyzeCurves(curves, { seed: 7 });
    expect(analyzeCurves(curves, { seed: 7 })).toEqual(first);
    expect(analyzeCurves([...curves].reverse(), { seed: 7 }).reverse()).toEqual(first);
  });

  it("moves bootstrap intervals slightly, but not verdicts, with another seed", () => {
    const curves = [step, logisticCurve, line];
    const a = analyzeCurves(curves, { seed: 1 });
    const b = analyzeCurves(curves, { seed: 2 });
    expect(b.map((r) => r.verdict)).toEqual(a.map((r) => r.verdict));
    const [la, lb] = [a[1].threshold!.interval!, b[1].threshold!.interval!];
    expect(la).not.toEqual(lb);
    expect(Math.abs(Math.log10(la[0] / lb[0]))).toBeLessThan(0.05);
    expect(Math.abs(Math.log10(la[1] / lb[1]))).toBeLessThan(0.05);
    expect(a[2].breakthroughness.interval).not.toEqual(b[2].breakthroughness.interval);
  });

  it("keeps only the strong curve abrupt among many null curves (Benjamini–Hochberg)", () => {
    const random = createRandom(7);
    const nulls = Array.from({ length: 30 }, (_, c) => makeCurve(`null-${c}`, (t) => 0.3 + 0.05 * (t - 7) + 0.02 * random.normal(), { se: 0.02 }));
    const results = analyzeCurves([...nulls, step]);
    expect(results.map((r) => r.verdict === "abrupt")).toEqual([...nulls.map(() => false), true]);
    for (const r of results) expect(r.pAdjusted!).toBeGreaterThanOrEqual(r.pValue!);
    // some null curves pass p < 0.05 alone and are held back by the adjustment
    expect(results.some((r) => r.pValue! < 0.05 && r.pAdjusted! >= 0.05)).toBe(true);
    expect(results[30].pAdjusted).toBeLessThan(0.05);
  });

  it("validates every result against the schema", () => {
    const all = analyzeCurves([step, line, logisticCurve, flat, declining, perplexity, makeCurve("x", () => 0.3, { scales: [1, 2] })]);
    for (const r of all) expect(() => curveAnalysisSchema.parse(r)).not.toThrow();
    expect(all.map((r) => r.family)).toEqual(["step", "line", "logistic", "flat", "declining", "perplexity", "x"]);
  });

  it("keeps the proportion metric helper consistent with the schema's bounds", () => {
    expect(PROPORTION).toEqual({ higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" });
  });
});
