import { describe, expect, it } from "vitest";
import { chanceForMetric } from "./chance-for-metric";

describe("chanceForMetric", () => {
  it.each([
    ["accuracy", { higherIsBetter: true, lowerBound: 0, upperBound: 1 }, 0.25],
    ["perplexity", { higherIsBetter: false, lowerBound: 1, upperBound: null }, null],
    ["BLEU on 0-100", { higherIsBetter: true, lowerBound: 0, upperBound: 100 }, null],
    ["a metric of unknown bounds", { higherIsBetter: null, lowerBound: null, upperBound: null }, null],
  ])("%s", (_, metric, expected) => {
    expect(chanceForMetric(0.25, metric)).toBe(expected);
  });
});
