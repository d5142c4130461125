import { describe, expect, it } from "vitest";
import type { LossResponse } from "@/lib/schemas/loss-axis";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";
import { prepareLossChart } from "./prepare-loss-chart";

const res: LossResponse = {
  task: "lambada_openai", metric: "acc", shots: 0, filter: "none", chance: null,
  ref: { task: "lambada_openai", metric: "ppl", shots: 0, filter: "none" },
  references: [{ task: "lambada_openai", metric: "ppl", models: 2 }],
  series: [{ family: "Pythia", points: [{ model: "a", loss: 40, value: 0.3, stderr: 0.01 }, { model: "b", loss: 5, value: 0.7, stderr: 0.01 }] }],
  unplaced: [],
  analyses: [makeAnalysis({ family: "Pythia", verdict: "abrupt", threshold: { x: 12, interval: [9, 16], censored: null }, fitted: [{ x: 5, y: 0.7 }, { x: 40, y: 0.3 }] })],
};

describe("prepareLossChart", () => {
  it("labels the axis with the reference, lower loss to the right, and says where each family's threshold lies", () => {
    const chart = prepareLossChart(res)!;
    expect(chart.title).toBe("Against a loss: lambada_openai: acc (0-shot) against lambada_openai ppl (0-shot), lower to the right");
    expect(chart.xLabel).toBe("lambada_openai ppl (0-shot) (log scale, decreasing)");
    expect(chart.xDomain[0]).toBeLessThan(5);
    expect(chart.xDomain[1]).toBeGreaterThan(40);
    expect(chart.series[0].fitted.map((p) => p.x)).toEqual([40, 5]);
    expect(chart.verdicts).toEqual(["Pythia: abrupt below a loss of 12 (95 % 9–16)"]);
  });

  it("is null without a reference", () => {
    expect(prepareLossChart({ ...res, ref: null, series: [] })).toBeNull();
  });
});
