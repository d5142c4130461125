import type { CurveAnalysis } from "@/lib/schemas/analysis";

/** Test support: a stored analysis with every field filled, to override per test. */
export function makeAnalysis(over: Partial<CurveAnalysis> = {}): CurveAnalysis {
  return {
    family: "Pythia",
    verdict: "abrupt",
    reasons: ["abrupt: because"],
    flags: [],
    decide: null,
    scales: 8,
    points: [
      { model: "a", x: 1e8, value: 0.25, se: 0.01, seSource: "stderr", vsChance: "at-chance" },
      { model: "b", x: 1e10, value: 0.8, se: 0.01, seSource: "stderr", vsChance: "above" },
    ],
    higherIsBetter: true,
    chance: 0.25,
    transition: {
      tau: 0, start: 0.25, end: 0.8, width: { estimate: 0.1, lower: 0.02, upper: 0.35 },
      pAbrupt: 1.2e-9, pSmooth: 1, statistic: { abrupt: 36.5, smooth: 0 },
    },
    slope: { estimate: 0.2, se: 0.05, t: 4, dof: 6, pValue: 0.007 },
    equivalence: { reference: "floor", value: 0.25, margin: 0.05, passed: false, shown: 0.57 },
    breakthroughness: { bigbench: null, linearity: 1.25, robust: 12.345, interval: [9.1, 15.02] },
    fits: [],
    best: "logistic",
    deltaAicc: 41.23,
    threshold: { x: 1.2e9, interval: [8e8, 2e9], censored: null },
    fitted: [],
    rules: { alpha: 0.05, maxAbruptWidth: 1, equivalenceMargin: 0.05 },
    seed: 1,
    ...over,
  };
}
