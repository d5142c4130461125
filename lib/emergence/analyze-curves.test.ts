import { describe, expect, it } from "vitest";
import { curveAnalysisSchema, type CurveAnalysis } from "@/lib/schemas/analysis";
import { analyzeCurves } from "./analyze-curves";
import { createRandom } from "./random";
import { makeCurve, PROPORTION, SCALES } from "./test-curves";
import type { CurveInput } from "./types";

const LN81 = Math.log(81);
const sigmoid = (t: number, t0: number, width: number) => 1 / (1 + Math.exp((-LN81 * (t - t0)) / width));
const wiggle = [0.006, -0.004, 0.008, -0.007, 0.002, -0.003, 0.007, -0.005];
const step = makeCurve("step", (t) => (t < 9 ? 0.25 : 0.8));
const line = makeCurve("line", (t) => 0.3 + 0.1 * (t - 7));
const sharp = makeCurve("sharp", (t) => 0.25 + 0.5 * sigmoid(t, 9, 0.3), { se: 0.005 });
const wide = makeCurve("wide", (t) => 0.25 + 0.6 * sigmoid(t, 9, 2.2), { se: 0.005 });
const flat = makeCurve("flat", (_, i) => 0.25 + wiggle[i]);
const declining = makeCurve("declining", (t) => 0.8 - 0.1 * (t - 7));
const perplexity = makeCurve("perplexity", (t) => 40 - 6 * (t - 7), {
  se: 0.2,
  chance: null,
  metric: { higherIsBetter: false, lowerBound: 1, upperBound: null, kind: "continuous" },
});

function one(curve: CurveInput, options = {}): CurveAnalysis {
  return curveAnalysisSchema.parse(analyzeCurves([curve], options)[0]);
}

describe("analyzeCurves verdicts on hand-made curves", () => {
  it.each([
    ["a step at 1e9 from chance 0.25 to 0.8, se 0.01", "abrupt", step],
    ["a sigmoid 0.3 decades wide", "abrupt", sharp],
    ["a straight line in log-x", "smooth", line],
    ["a sigmoid 2.2 decades wide", "smooth", wide],
    ["within ±0.008 of chance 0.25, se 0.01", "near-floor", flat],
    ["0.8 falling 0.1 per decade", "declining", declining],
    ["perplexity falling steadily (lower is better, no chance, no bounded range)", "smooth", perplexity],
  ] as const)("%s → %s", (_, verdict, curve) => {
    const result = one(curve);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons[0].startsWith(`${verdict}:`)).toBe(true);
    expect(result.decide).toBeNull();
  });

  it("places the step's threshold inside the gap where it happens, with the gap as its interval", () => {
    const result = one(step);
    const threshold = result.threshold!;
    expect(threshold.censored).toBeNull();
    expect(Math.log10(threshold.x)).toBeCloseTo(9, 1);
    expect(Math.log10(threshold.interval![0])).toBeGreaterThan(7 + 12 / 7 - 0.05); // 4th scale, 10^8.71
    expect(Math.log10(threshold.interval![1])).toBeLessThan(7 + 16 / 7 + 0.05); // 5th scale, 10^9.29
    expect(result.transition!.width.upper).toBeLessThan(1);
    expect(result.transition!.pAbrupt).toBeLessThan(1e-6);
    expect(result.points.slice(0, 4).every((p) => p.vsChance === "at-chance")).toBe(true);
    expect(result.points.slice(4).every((p) => p.vsChance === "above")).toBe(true);
  });

  it("estimates a sigmoid's width and midpoint, and bounds the width on the right side of W", () => {
    const s = one(sharp).transition!;
    expect(s.width.estimate).toBeGreaterThan(0.15);
    expect(s.width.estimate).toBeLessThan(0.5);
    expect(s.width.upper).toBeLessThan(1);
    expect(Math.log10(one(sharp).threshold!.x)).toBeCloseTo(9, 1);
    const w = one(wide).transition!;
    expect(w.width.lower).toBeGreaterThan(1);
    expect(w.pSmooth).toBeLessThan(0.05);
    expect(w.pAbrupt).toBe(1);
  });

  it("gives p-values far below any simulation floor for clear steps", () => {
    expect(one(step).transition!.pAbrupt).toBeLessThan(1e-20);
    expect(one(step).transition!.pAbrupt).toBeGreaterThan(0);
  });

  it("reports slopes in metric units: a falling perplexity improves", () => {
    const ppl = one(perplexity);
    expect(ppl.slope!.estimate).toBeCloseTo(-6, 6);
    expect(ppl.transition!.start).toBeGreaterThan(ppl.transition!.end);
    expect(ppl.breakthroughness.bigbench).toBeCloseTo(-7, 9); // Appendix B on the raw metric
    expect(ppl.breakthroughness.robust).toBeCloseTo(7, 9);
    expect(ppl.breakthroughness.linearity).toBeCloseTo(7, 9); // equal steps: n − 1, as B
    expect(ppl.points.every((p) => p.vsChance === "unknown")).toBe(true);
    expect(ppl.rules.equivalenceMargin).toBeNull();
  });

  it("calls a curve within ±δ of chance near-floor even when it rises significantly by less than δ (BLOOM GSM8K)", () => {
    const gsm = makeCurve("bloom", (_, i) => [0.005, 0.006, 0.008, 0.01, 0.012, 0.014, 0.017, 0.019][i], { se: null, n: 1319, chance: 0 });
    const result = one(gsm);
    expect(result.verdict).toBe("near-floor");
    expect(result.equivalence).toMatchObject({ reference: "floor", passed: true, margin: 0.05 });
  });
});

describe("analyzeCurves: what it cannot tell, and says why", () => {
  it("calls 4 scales cannot-tell, says how many are needed, and still returns the points", () => {
    const result = one(makeCurve("four", (t) => 0.3 + 0.1 * (t - 7), { scales: SCALES.slice(0, 4) }));
    expect(result.verdict).toBe("cannot-tell");
    expect(result.reasons[0]).toBe("cannot-tell: 4 distinct scale(s), need at least 5");
    expect(result.decide).toContain("1 more size");
    expect(result.points).toHaveLength(4);
    expect(result.fits).toEqual([]);
  });

  it("calls 5 scales without standard errors cannot-tell: no noise estimate", () => {
    const result = one(makeCurve("no-se", (t) => 0.3 + 0.1 * (t - 7), { se: null, scales: SCALES.slice(0, 5) }));
    expect(result.verdict).toBe("cannot-tell");
    expect(result.reasons[0]).toContain("no standard errors, and too few points to estimate noise");
  });

  it("asks for a size inside the unmeasured gap where a rise happens", () => {
    const scales = [1e7, 3e7, 1e8, 3e8, 1e9, 1e11, 3e11, 1e12];
    const gap = makeCurve("gap", (t) => 0.25 + 0.4 * sigmoid(t, 10, 0.8), { scales, se: 0.02 });
    const result = one(gap);
    expect(result.verdict).toBe("cannot-tell");
    expect(result.decide).toMatch(/^a model between 1\.00e\+9 and 1\.00e\+11/);
  });

  it("does not analyse a family of more than 200 distinct sizes, and says so", () => {
    const scales = Array.from({ length: 201 }, (_, i) => 10 ** (7 + (4 * i) / 200));
    const huge = one(makeCurve("huge", (t) => 0.3 + 0.1 * (t - 7), { scales }));
    expect(huge.verdict).toBe("cannot-tell");
    expect(huge.reasons[0]).toBe("cannot-tell: 201 distinct scales, more than the 200 one family's analysis takes");
    expect(huge.points).toHaveLength(201);
    expect(huge.decide).toContain("at most 200 sizes");
  });

  it("asks for smaller errors when a noisy curve neither rises nor is shown to stay near chance", () => {
    const noisy = makeCurve("noisy", (_, i) => 0.25 + 3 * wiggle[i], { se: 0.04 });
    const result = one(noisy);
    expect(result.verdict).toBe("cannot-tell");
    expect(result.decide).toContain("smaller errors");
  });

  it("gives no rising or declining verdict without a direction, but still shows flatness", () => {
    const unknown = { ...PROPORTION, higherIsBetter: null };
    expect(one(makeCurve("u", (t) => 0.3 + 0.1 * (t - 7), { metric: unknown })).verdict).toBe("cannot-tell");
    const flatUnknown = one(makeCurve("f", (_, i) => 0.5 + wiggle[i] / 4, { metric: unknown, chance: null, se: 0.003 }));
    expect(flatUnknown.verdict).toBe("flat");
    expect(flatUnknown.flags).toContain("direction-unknown");
  });
});

describe("analyzeCurves: uncertainty, ties, chance and censoring", () => {
  it("uses binomial errors only for proportions of items; a continuous metric's error comes from the residuals", () => {
    const binomial = one(makeCurve("binomial", (t) => 0.3 + 0.1 * (t - 7), { se: null, n: 400 }));
    expect(binomial.points[0].seSource).toBe("binomial");
    expect(binomial.points[0].se).toBeCloseTo(Math.sqrt((0.3 * 0.7) / 400), 12);
    const continuous = { ...PROPORTION, kind: "continuous" as const };
    const residual = one(makeCurve("f1", (t, i) => 0.3 + 0.1 * (t - 7) + wiggle[i], { se: null, n: 400, metric: continuous }));
    expect(residual.points.every((p) => p.seSource === "residual")).toBe(true);
    expect(residual.flags).toContain("errors-estimated");
  });

  it("flags results at one scale that disagree beyond their errors, and widens the merged error", () => {
    const agreeing = makeCurve("agree", (t) => 0.3 + 0.1 * (t - 7));
    agreeing.points.push({ model: "twin", x: SCALES[2], value: agreeing.points[2].value + 0.005, stderr: 0.01, n: null });
    expect(one(agreeing).flags).not.toContain("tie-conflict");
    const conflicting = makeCurve("conflict", (t) => 0.3 + 0.1 * (t - 7));
    conflicting.points.push({ model: "twin", x: SCALES[2], value: conflicting.points[2].value + 0.2, stderr: 0.01, n: null });
    const result = one(conflicting);
    expect(result.flags).toContain("tie-conflict");
    expect(result.reasons.some((r) => r.includes("disagree beyond their errors") && r.includes("twin"))).toBe(true);
  });

  it("flags points clearly below chance without calling the curve flat", () => {
    const below = one(makeCurve("below", (_, i) => 0.15 + wiggle[i]));
    expect(below.flags).toContain("below-chance");
    expect(below.verdict).not.toBe("near-floor");
  });

  it("censors a threshold below the smallest model instead of reporting a number", () => {
    const scales = SCALES.map((x) => x * 10);
    const early = one(makeCurve("early", (t) => 0.25 + 0.5 * sigmoid(t, 7.6, 0.9), { scales, se: 0.005 }));
    expect(early.threshold?.censored).toBe("below");
    expect(early.threshold?.x).toBe(scales[0]);
    expect(early.threshold?.interval).toBeNull();
  });

  it("flags all zeros next to a family clearly above the floor as suspect-zero, even without a chance level", () => {
    const group = "arith|exact_match|0|none|params";
    const zeros = makeCurve("broken", () => 0, { se: null, n: 1000, chance: null, group });
    const working = makeCurve("working", (t) => 0.1 * (t - 6), { se: null, n: 1000, chance: null, group });
    const [broken, fine] = analyzeCurves([zeros, working]);
    expect(broken.verdict).toBe("suspect-zero");
    expect(broken.reasons[0]).toContain("working");
    expect(fine.verdict).toBe("smooth");
    // the same zeros are a plausible absence when the other family is above the floor only at larger scales
    const bigger = makeCurve("bigger", (t) => (t > 12 ? 0.3 : 0), { se: null, n: 1000, chance: 0, group, scales: SCALES.map((x) => x * 1e3) });
    expect(analyzeCurves([{ ...zeros, chance: 0 }, bigger])[0].verdict).toBe("near-floor");
  });
});

describe("analyzeCurves: a verdict depends on its own data only", () => {
  it("returns identical output for the same seed, whatever the input order", () => {
    const curves = [step, line, flat, sharp];
    const first = analyzeCurves(curves, { seed: 7 });
    expect(analyzeCurves(curves, { seed: 7 })).toEqual(first);
    expect(analyzeCurves([...curves].reverse(), { seed: 7 }).reverse()).toEqual(first);
  });

  it("gives a curve the same analysis alone and among 1,000 unrelated curves", () => {
    const random = createRandom(3);
    const others = Array.from({ length: 1000 }, (_, c) => makeCurve(`other-${c}`, (t) => 0.3 + 0.05 * (t - 7) + 0.02 * random.normal(), { se: 0.02 }));
    const alone = analyzeCurves([step, sharp]);
    const crowded = analyzeCurves([...others.slice(0, 500), step, ...others.slice(500), sharp]);
    expect(crowded[500]).toEqual(alone[0]);
    expect(crowded[1001]).toEqual(alone[1]);
  });

  it("moves the bootstrap interval, but not the verdict or the test, with another seed", () => {
    const [a, b] = [one(line, { seed: 1 }), one(line, { seed: 2 })];
    expect(b.verdict).toBe(a.verdict);
    expect(b.transition).toEqual(a.transition);
    expect(a.breakthroughness.interval).not.toEqual(b.breakthroughness.interval);
  });

  it("validates every result against the schema, with finite numbers only", () => {
    const all = analyzeCurves([step, line, sharp, flat, declining, perplexity, makeCurve("x", () => 0.3, { scales: [1, 2] })]);
    for (const r of all) {
      expect(() => curveAnalysisSchema.parse(r)).not.toThrow();
      expect(JSON.stringify(r)).not.toMatch(/null,null|NaN|Infinity/);
    }
    expect(all.map((r) => r.family)).toEqual(["step", "line", "sharp", "flat", "declining", "perplexity", "x"]);
  });
});
