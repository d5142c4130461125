import { describe, expect, it } from "vitest";
import type { CurveAnalysis } from "@/lib/schemas/analysis";
import { metricDependentFamilies, prepareEvidence } from "./prepare-evidence";

function analysis(over: Partial<CurveAnalysis>): CurveAnalysis {
  return {
    family: "Pythia", verdict: "abrupt", reasons: ["abrupt: because"], scales: 8,
    points: [
      { model: "a", x: 1e8, value: 0.25, se: 0.01, seSource: "stderr", vsChance: "at-chance" },
      { model: "b", x: 1e10, value: 0.8, se: 0.01, seSource: "stderr", vsChance: "above" },
    ],
    breakthroughness: { bigbench: null, robust: 12.345, interval: [9.1, 15.02], smoothCutoff: 7 },
    fits: [], best: "logistic", deltaAicc: 41.23, threshold: { x: 1.2e9, interval: [8e8, 2e9] },
    pValue: 0.001, pAdjusted: 0.0123, fitted: [], seed: 1, ...over,
  };
}

describe("prepareEvidence", () => {
  it("states score with interval, p after FDR, winning fit with ΔAICc, threshold and chance counts", () => {
    expect(prepareEvidence(analysis({}))).toEqual({
      family: "Pythia", verdict: "abrupt", reason: "abrupt: because",
      score: "12.3 [9.1, 15]", bigbench: "∞ (median step 0)", p: "0.001 (FDR 0.012)",
      fit: "logistic (ΔAICc 41.2)", threshold: "1.20e9 [8.00e8, 2.00e9]", aboveChance: "1 of 2",
    });
  });

  it("shows dashes where an insufficient curve has no evidence", () => {
    const row = prepareEvidence(analysis({
      verdict: "insufficient", breakthroughness: { bigbench: null, robust: null, interval: null, smoothCutoff: null },
      best: null, deltaAicc: null, threshold: null, pValue: null, pAdjusted: null,
    }));
    expect(row).toMatchObject({ score: "—", bigbench: "—", p: "—", fit: "—", threshold: "—" });
  });
});

describe("metricDependentFamilies", () => {
  it("names families whose verdict changes with the metric, ignoring insufficient ones", () => {
    const families = metricDependentFamilies([
      { metric: "exact_match", analyses: [analysis({ family: "Pythia", verdict: "flat-at-chance" }), analysis({ family: "OPT", verdict: "smooth" }), analysis({ family: "Neo", verdict: "insufficient" })] },
      { metric: "bleu", analyses: [analysis({ family: "Pythia", verdict: "smooth" }), analysis({ family: "OPT", verdict: "smooth" }), analysis({ family: "Neo", verdict: "smooth" })] },
    ]);
    expect(families).toEqual(["Pythia"]);
  });
});
