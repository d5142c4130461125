import { describe, expect, it } from "vitest";
import { compareMetrics } from "./compare-metrics";
import { makeCurve, PROPORTION, SCALES } from "./test-curves";

const BLEU = { higherIsBetter: true, lowerBound: 0, upperBound: 100, kind: "continuous" as const };

describe("compareMetrics (the mirage test on the same models)", () => {
  it("says the verdict depends on the metric only when both are decided, over the same models", () => {
    // exact match jumps at 1e9; BLEU of the same runs rises steadily, with errors from the file
    const exact = makeCurve("OPT", (t) => (t < 9 ? 0 : 0.6), { chance: 0, se: 0.01 });
    const bleu = makeCurve("OPT", (t) => 5 + 12 * (t - 7), { chance: 0, se: 0.5, metric: BLEU });
    const [opt] = compareMetrics([
      { metric: "exact_match", filter: "none", curves: [exact] },
      { metric: "bleu", filter: "none", curves: [bleu] },
    ]);
    expect(opt.byMetric.map((m) => m.analysis.verdict)).toEqual(["abrupt", "smooth"]);
    expect(opt).toMatchObject({ decided: true, dependsOnMetric: true });
    expect(opt.statement).toBe("abrupt under exact_match, smooth under bleu over the same 8 models: the verdict depends on the metric");
  });

  it("compares only the models scored under every metric, and lists the others", () => {
    const exact = makeCurve("Pythia", (t) => 0.3 + 0.1 * (t - 7));
    const other = makeCurve("Pythia", (t) => 0.35 + 0.1 * (t - 7), { scales: SCALES.slice(0, 6), metric: { ...PROPORTION } });
    const [pythia] = compareMetrics([
      { metric: "acc", filter: "none", curves: [exact] },
      { metric: "acc_norm", filter: "none", curves: [other] },
    ]);
    expect(pythia.models).toHaveLength(6);
    expect(pythia.excluded).toEqual(["Pythia-6", "Pythia-7"]);
    expect(pythia.byMetric.every((m) => m.analysis.points.length === 6)).toBe(true);
  });

  it("refuses to state a difference when one metric cannot tell", () => {
    const exact = makeCurve("Neo", (t) => (t < 9 ? 0 : 0.6), { chance: 0, scales: SCALES.slice(0, 5) });
    const noisy = makeCurve("Neo", (t) => 5 + 12 * (t - 7), { chance: 0, se: null, metric: BLEU, scales: SCALES.slice(0, 5) });
    const [neo] = compareMetrics([
      { metric: "exact_match", filter: "none", curves: [exact] },
      { metric: "bleu", filter: "none", curves: [noisy] },
    ]);
    expect(neo.decided).toBe(false);
    expect(neo.dependsOnMetric).toBe(false);
    expect(neo.statement).toMatch(/^no comparison: cannot tell under bleu over the same 5 models$/);
  });

  it("reads near floor and flat as the same finding: no change beyond the margin", () => {
    const exact = makeCurve("Pythia", () => 0.001, { chance: 0, se: 0.002 });
    const bleu = makeCurve("Pythia", (_, i) => 0.3 + 0.01 * (i % 2), { chance: null, se: 0.05, metric: BLEU });
    const [pythia] = compareMetrics([
      { metric: "exact_match", filter: "none", curves: [exact] },
      { metric: "bleu", filter: "none", curves: [bleu] },
    ]);
    expect(pythia.byMetric.map((m) => m.analysis.verdict)).toEqual(["near-floor", "flat"]);
    expect(pythia.dependsOnMetric).toBe(false);
    expect(pythia.statement).toContain("the same reading");
  });
});
