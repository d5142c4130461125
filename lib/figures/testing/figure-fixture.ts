import type { CurveAnalysis } from "@/lib/schemas/analysis";
import type { CurvesResponse } from "@/lib/schemas/curves";
import type { FigureInput } from "@/lib/figures/prepare-figure";
import { makeAnalysis } from "@/lib/schemas/testing/analysis-fixture";

const point = (model: string, x: number, value: number, stderr: number | null, uploadId = 1) => ({
  model, x, xEstimated: false, value, stderr, n: stderr === null ? 500 : null, uploadId, fileName: `file-${uploadId}.json`,
});

/** A small task view: two families, chance 0.25, one family with a fitted curve and a threshold. */
export function figureCurves(overrides: Partial<CurvesResponse> = {}): CurvesResponse {
  return {
    task: { name: "arc_easy", suite: "arc", chance: 0.25, chanceSource: "4 options" },
    metric: { name: "acc", higherIsBetter: true, lowerBound: 0, upperBound: 1 },
    shots: 0,
    x: "params",
    chance: 0.25,
    filter: "none",
    options: { metrics: ["acc"], shots: [0], filters: ["none"], checkpointModels: [] },
    model: null,
    series: [
      { family: "Pythia", points: [point("pythia-70m", 7e7, 0.26, 0.01), point("pythia-1b", 1e9, 0.3, 0.012), point("pythia-12b", 1.2e10, 0.7, null)] },
      { family: "OPT", points: [point("opt-125m", 1.25e8, 0.27, 0.02, 2), point("opt-13b", 1.3e10, 0.5, 0.02, 2)] },
    ],
    unplaced: [],
    ...overrides,
  };
}

export function figureAnalyses(): CurveAnalysis[] {
  return [
    makeAnalysis({
      family: "Pythia", reasons: [], scales: 3,
      points: [
        { model: "pythia-70m", x: 7e7, value: 0.26, se: 0.01, seSource: "stderr", vsChance: "at-chance" },
        { model: "pythia-1b", x: 1e9, value: 0.3, se: 0.012, seSource: "stderr", vsChance: "above" },
        { model: "pythia-12b", x: 1.2e10, value: 0.7, se: 0.02, seSource: "binomial", vsChance: "above" },
      ],
      breakthroughness: { bigbench: null, linearity: null, robust: null, interval: null },
      deltaAicc: 3, threshold: { x: 3e9, interval: [1e9, 6e9], censored: null },
      fitted: [{ x: 7e7, y: 0.25 }, { x: 1e9, y: 0.3 }, { x: 3e9, y: 0.48 }, { x: 1.2e10, y: 0.69 }],
    }),
  ];
}

export function figureInput(overrides: Partial<FigureInput> = {}): FigureInput {
  return {
    curves: figureCurves(),
    analyses: figureAnalyses(),
    sources: [
      { uploadId: 1, fileName: "data/demo/pythia/evals/pythia-v1/pythia-12b/zero-shot/12b_step143000.json", sha256: "a".repeat(64), format: "lm-eval-v0.3", createdAt: "2026-01-01T00:00:00.000Z", note: "demo dataset" },
      { uploadId: 2, fileName: "opt.csv", sha256: "b".repeat(64), format: "csv-long", createdAt: "2026-01-02T00:00:00.000Z", note: null },
      { uploadId: 3, fileName: "unused.csv", sha256: "c".repeat(64), format: "csv-long", createdAt: "2026-01-03T00:00:00.000Z", note: null },
    ],
    scales: [
      { name: "pythia-70m", parameters: 7e7, trainingTokens: 3e11, trainingFlops: null },
      { name: "opt-13b", parameters: 1.3e10, trainingTokens: null, trainingFlops: null },
    ],
    reproduce: "/api/figures/arc_easy.{svg,png,pdf,csv,json,txt}?metric=acc&shots=0&x=params&preset=single&dpi=300",
    ...overrides,
  };
}
