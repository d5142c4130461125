import { describe, expect, it } from "vitest";
import { analyzeCurve } from "./analyze-curve";
import { ANALYSIS_DEFAULTS, analyzeCurves } from "./analyze-curves";
import { finalizeAnalyses, toEvidenceSummary } from "./finalize-analyses";
import { makeCurve } from "./test-curves";

const step = makeCurve("step", (t) => (t < 9 ? 0.25 : 0.8), { se: 0.01, group: "g|acc|0|params" });
const line = makeCurve("line", (t) => 0.25 + 0.1 * (t - 7), { se: 0.01, group: "g|acc|0|params" });
const zeros = makeCurve("zeros", () => 0, { se: 0.01, group: "g|acc|0|params" });

describe("finalizeAnalyses", () => {
  it("judges stored (JSON round-tripped) evidence exactly as a fresh analysis does", () => {
    const curves = [step, line, zeros];
    const stored = curves.map((c) => JSON.parse(JSON.stringify(toEvidenceSummary(analyzeCurve(c, ANALYSIS_DEFAULTS)))));
    expect(finalizeAnalyses(stored, ANALYSIS_DEFAULTS.alpha)).toEqual(analyzeCurves(curves));
  });

  it("keeps verdicts that need the whole batch: suspect-zero within a task view", () => {
    const verdicts = analyzeCurves([step, line, zeros]).map((a) => a.verdict);
    expect(verdicts).toEqual(["abrupt", "smooth", "suspect-zero"]);
    const alone = analyzeCurves([makeCurve("zeros", () => 0, { se: 0.01, group: "other|acc|0|params" })]);
    expect(alone[0].verdict).toBe("flat-at-chance");
  });

  it("judges some task views within the whole family: the others' p-values count, and the result equals judging all", () => {
    const other = makeCurve("other", (t) => 0.25 + 0.05 * (t - 7), { se: 0.01, group: "h|acc|0|params" });
    const summaries = [step, line, zeros, other].map((c) => toEvidenceSummary(analyzeCurve(c, ANALYSIS_DEFAULTS)));
    const all = finalizeAnalyses(summaries, ANALYSIS_DEFAULTS.alpha);
    const [otherSummary] = summaries.slice(3);
    const some = finalizeAnalyses(summaries.slice(0, 3), ANALYSIS_DEFAULTS.alpha, [
      { pValue: otherSummary.test?.pValue ?? null, slopePValue: otherSummary.slope?.pValue ?? null },
    ]);
    expect(some).toEqual(all.slice(0, 3));
    // without the rest of the family the adjustment is a different one
    const alone = finalizeAnalyses(summaries.slice(0, 3), ANALYSIS_DEFAULTS.alpha);
    expect(alone.map((a) => a.pAdjusted)).not.toEqual(all.slice(0, 3).map((a) => a.pAdjusted));
  });

  it("stores no typed arrays in the summary", () => {
    const summary = toEvidenceSummary(analyzeCurve(step, ANALYSIS_DEFAULTS));
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect("points" in summary.input).toBe(false);
  });

  it("never calls a curve abrupt when its metric has no chance level to test against", () => {
    const noChance = makeCurve("step-no-chance", (t) => (t < 9 ? 0.25 : 0.8), { se: 0.01, chance: null, group: "h|acc|0|params" });
    const [result] = analyzeCurves([noChance]);
    expect(result.verdict).toBe("smooth");
    expect(result.reasons[0]).toMatch(/chance level unknown for this metric/);
  });
});
