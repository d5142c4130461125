import { describe, expect, it } from "vitest";
import { analyzeCurves } from "../analyze-curves";
import { logistic } from "../fit-design";
import type { CurvePointRow } from "../to-curve-inputs";
import { decideInLoss, LOSS_METRIC, toLossAnalysis, toLossCurves } from "./loss-axis";

const row = (model: string, family: string, value: number): CurvePointRow => ({
  task: "t", metric: "acc", shots: 0, filter: "none", chance: 0.25, taskMetricChance: null, taskMetricChanceSource: null,
  higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete", family, model,
  parameters: null, trainingTokens: null, trainingFlops: null, value, stderr: 0.01, n: null,
});

describe("the loss axis", () => {
  // accuracy jumps once the reference loss falls below 2.5
  const losses = [4, 3.6, 3.2, 2.9, 2.7, 2.55, 2.45, 2.3, 2.1, 1.9];
  const rows = losses.map((loss, i) => row(`m${i}`, "F", 0.25 + 0.6 * logistic(-30 * (Math.log10(loss) - Math.log10(2.5)))));
  const lossOf = new Map(losses.map((loss, i) => [`m${i}`, loss]));

  it("places each model at its reference loss and lists those without one", () => {
    const { inputs, unplaced } = toLossCurves([...rows, row("no-ref", "F", 0.3)], lossOf, "t|acc|0|none|loss");
    expect(inputs).toHaveLength(1);
    expect(inputs[0].points).toHaveLength(10);
    expect(unplaced.map((r) => r.model)).toEqual(["no-ref"]);
  });

  it("finds a threshold below a loss, read back in loss units", () => {
    const { inputs } = toLossCurves(rows, lossOf, "t|acc|0|none|loss");
    const [analysis] = analyzeCurves(inputs).map(toLossAnalysis);
    expect(analysis.verdict).toBe("abrupt");
    expect(analysis.threshold!.x).toBeCloseTo(2.5, 1);
    expect(analysis.threshold!.interval![0]).toBeLessThan(analysis.threshold!.interval![1]);
    expect(analysis.points.map((p) => p.x).sort((a, b) => b - a)).toEqual(losses.map((l) => expect.closeTo(l, 9)));
  });

  it("says what would decide in losses, not in 1/loss", () => {
    expect(decideInLoss("a model larger than 0.5: the fitted rise continues past the largest size")).toBe("a model with a loss below 2: the fitted rise continues past the lowest loss");
    expect(decideInLoss("a model between 0.25 and 0.5: the fitted rise (midpoint ≈ 0.4) falls where no size was measured"))
      .toBe("a model with a loss between 2 and 4: the fitted rise (midpoint ≈ a loss of 2.5) falls where no size was measured");
  });

  it("knows loss-type metrics by name", () => {
    expect(["ppl", "word_perplexity", "bits_per_byte", "loss", "val_loss"].every((m) => LOSS_METRIC.test(m))).toBe(true);
    expect(["acc", "exact_match", "bleu", "apple"].some((m) => LOSS_METRIC.test(m))).toBe(false);
  });
});
