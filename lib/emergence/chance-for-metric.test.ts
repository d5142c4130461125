import { describe, expect, it } from "vitest";
import { chanceForMetric } from "./chance-for-metric";

describe("chanceForMetric", () => {
  it.each([
    ["accuracy (higher is better, [0, 1])", { higherIsBetter: true, lowerBound: 0, upperBound: 1 }, 0.25],
    ["perplexity (lower is better, unbounded)", { higherIsBetter: false, lowerBound: 1, upperBound: null }, null],
    ["BLEU (0–100)", { higherIsBetter: true, lowerBound: 0, upperBound: 100 }, null],
    ["a [0, 1] metric of unknown direction", { higherIsBetter: null, lowerBound: 0, upperBound: 1 }, null],
  ])("%s → %s", (_, metric, expected) => {
    expect(chanceForMetric(0.25, metric)).toBe(expected);
  });

  it("lets a task-metric registry entry decide, including that there is none", () => {
    const bleu = { higherIsBetter: true, lowerBound: 0, upperBound: 100 };
    expect(chanceForMetric(0, bleu, { chance: 0, source: "registry" })).toBe(0);
    const mc2 = { higherIsBetter: true, lowerBound: 0, upperBound: 1 };
    expect(chanceForMetric(0.25, mc2, { chance: null, source: "no random-guess level for probability mass" })).toBeNull();
    // an entry that only records a direction leaves the default rule in place
    expect(chanceForMetric(0.25, mc2, { chance: null, source: null })).toBe(0.25);
  });
});
