import { describe, expect, it } from "vitest";
import { toCurveInputs, type CurvePointRow } from "./to-curve-inputs";
import { NO_FAMILY } from "@/lib/domain/no-family";

const row = (over: Partial<CurvePointRow>): CurvePointRow => ({
  task: "arc_easy", metric: "acc", shots: 0, filter: "none", chance: 0.25, taskMetricChance: null, taskMetricChanceSource: null,
  higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete", family: "Pythia", model: "pythia-70m",
  parameters: 7e7, trainingTokens: 3e11, trainingFlops: null, value: 0.4, stderr: 0.01, n: null, ...over,
});

describe("toCurveInputs", () => {
  it("makes one curve per family and axis, leaving models off axes they have no value on", () => {
    const curves = toCurveInputs([
      row({}),
      row({ model: "pythia-12b", parameters: 1.2e10, trainingFlops: 2e22 }),
      row({ family: "OPT", model: "opt-125m", parameters: 1.25e8, trainingTokens: null, shots: null }),
    ]);
    expect(curves.map((c) => [c.id, c.points.length])).toEqual([
      ["arc_easy|acc|0|none|params|Pythia", 2],
      ["arc_easy|acc|0|none|tokens|Pythia", 2],
      ["arc_easy|acc|0|none|flops|Pythia", 1],
      ["arc_easy|acc|unknown|none|params|OPT", 1],
    ]);
    expect(curves[0]).toMatchObject({ groupId: "arc_easy|acc|0|none|params", chance: 0.25, metric: { kind: "discrete", upperBound: 1 } });
  });

  it("keeps the results of different lm-eval filters in different curves, never averaged", () => {
    const curves = toCurveInputs([
      row({ task: "gsm8k", metric: "exact_match", filter: "strict-match", value: 0.1 }),
      row({ task: "gsm8k", metric: "exact_match", filter: "flexible-extract", value: 0.3 }),
    ]).filter((c) => c.id.endsWith("|params|Pythia"));
    expect(curves.map((c) => [c.id, c.points.map((p) => p.value)])).toEqual([
      ["gsm8k|exact_match|0|strict-match|params|Pythia", [0.1]],
      ["gsm8k|exact_match|0|flexible-extract|params|Pythia", [0.3]],
    ]);
  });

  it("judges no curve of models without a family: unrelated fine-tunes are not a scaling family", () => {
    const curves = toCurveInputs([
      row({}),
      row({ family: NO_FAMILY, model: "someone/merge-7b", parameters: 7e9 }),
      row({ family: NO_FAMILY, model: "other-lab/tune-13b", parameters: 1.3e10 }),
    ]);
    expect(curves.map((c) => c.family)).toEqual(["Pythia", "Pythia"]);
  });
});
