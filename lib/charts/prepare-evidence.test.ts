import { describe, expect, it } from "vitest";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";
import { formatP, prepareEvidence } from "./prepare-evidence";

describe("prepareEvidence", () => {
  it("states the change, width with bounds, both p-values, slope, equivalence, threshold and chance counts", () => {
    expect(prepareEvidence(makeAnalysis({ flags: ["tie-conflict"], decide: null }))).toEqual({
      family: "Pythia", verdict: "abrupt", reason: "abrupt: because", decide: null,
      change: "0.25 → 0.8", width: "0.1 [0.02, 0.35]", p: "1.2e-9 / 1", slope: "0.2 (p 0.007)",
      equivalence: "±0.57 of chance 0.25 (margin 0.05)", score: "12.3 [9.1, 15]", bigbench: "∞ (median step 0)", linearity: "1.25",
      fit: "logistic (ΔAICc 41.2)", threshold: "1.20e9 [8.00e8, 2.00e9]", aboveChance: "1 of 2",
      flags: ["results at one size disagree"],
    });
  });

  it("says where a censored threshold lies instead of giving a number, and an unbounded width as ∞", () => {
    const row = prepareEvidence(makeAnalysis({
      threshold: { x: 1.25e8, interval: null, censored: "below" },
      transition: { ...makeAnalysis().transition!, width: { estimate: null, lower: 3.1, upper: null } },
    }));
    expect(row.threshold).toBe("below the smallest size (< 1.25e8)");
    expect(row.width).toBe("line [3.1, ∞]");
  });

  it("shows dashes where a curve that cannot be told has no evidence", () => {
    const row = prepareEvidence(makeAnalysis({
      verdict: "cannot-tell", decide: "1 more size", breakthroughness: { bigbench: null, linearity: null, robust: null, interval: null },
      best: null, deltaAicc: null, threshold: null, transition: null, slope: null, equivalence: null,
    }));
    expect(row).toMatchObject({ decide: "1 more size", score: "—", bigbench: "—", linearity: "—", p: "—", fit: "—", threshold: "—", width: "—", change: "—" });
  });

  it("writes p-values past double precision as a bound", () => {
    expect(formatP(0)).toBe("< 1e-300");
    expect(formatP(0.0123)).toBe("0.012");
  });
});
