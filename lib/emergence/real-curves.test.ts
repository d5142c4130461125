import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { curveAnalysisSchema } from "@/lib/schemas/analysis";
import { analyzeCurves } from "./analyze-curves";
import type { CurveInput } from "./types";

// Real curves from the demo data. Tests may read files; the library may not.
const root = path.resolve(import.meta.dirname, "../..");
const PYTHIA: [string, number][] = [
  ["70m", 70_426_624],
  ["160m", 162_322_944],
  ["410m", 405_334_016],
  ["1b-bf16", 1_011_781_632],
  ["1.4b", 1_414_647_808],
  ["2.8b", 2_775_208_960],
  ["6.9b", 6_857_302_016],
  ["12b", 11_846_072_320],
];
const PROPORTION = { higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" } as const;

type LmEvalV03 = { results: Record<string, Record<string, number>> };
const pythiaRuns = PYTHIA.map(([size, x]) => {
  const file = path.join(root, `data/demo/pythia/evals/pythia-v1/pythia-${size}/zero-shot/${size}_step143000.json`);
  return { size, x, results: (JSON.parse(readFileSync(file, "utf8")) as LmEvalV03).results };
});

function pythiaCurve(task: string, chance: number): CurveInput {
  const group = `${task}|acc|0|params`;
  return {
    id: `${group}|Pythia`,
    family: "Pythia",
    groupId: group,
    chance,
    metric: PROPORTION,
    points: pythiaRuns.map((r) => ({ model: `pythia-${r.size}`, x: r.x, value: r.results[task].acc, stderr: r.results[task].acc_stderr, n: null })),
  };
}

function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path.join(root, file), "utf8").trim().split("\n");
  const names = header.split(",");
  return rows.map((row) => Object.fromEntries(row.split(",").map((cell, i) => [names[i], cell.trim()])));
}

/** ipa_transliterate_2 per family: FLOPs (1E21) from the benchmark table joined on Model; empty cells are missing, not 0. */
function obsScalingCurves(column: string, metric: CurveInput["metric"]): CurveInput[] {
  const models = new Map(readCsv("data/demo/obsscaling/eval_results/base_llm_benchmark_eval.csv").map((r) => [r.Model, r]));
  const byFamily = new Map<string, CurveInput["points"]>();
  for (const row of readCsv("data/demo/obsscaling/eval_results/base_llm_emergent_capability_eval.csv")) {
    const model = models.get(row.Model);
    if (!model || model["FLOPs (1E21)"] === "" || row[column] === "") continue;
    const points = byFamily.get(model["Model Family"]) ?? [];
    points.push({ model: row.Model, x: Number(model["FLOPs (1E21)"]) * 1e21, value: Number(row[column]), stderr: null, n: null });
    byFamily.set(model["Model Family"], points);
  }
  const group = `ipa_transliterate_2|${column}|2|flops`;
  return [...byFamily]
    .filter(([, points]) => new Set(points.map((p) => p.x)).size >= 5)
    .map(([family, points]) => ({ id: `${group}|${family}`, family, groupId: group, chance: 0, metric, points }));
}

describe("analyzeCurves on Pythia (lm-eval v0.3, step 143000, zero-shot)", () => {
  it.each([
    ["lambada_openai", 0],
    ["arc_easy", 0.25],
    ["piqa", 0.5],
    ["sciq", 0.25],
  ] as const)("calls %s smooth: it rises over more than a decade, and a sharper rise is rejected", (task, chance) => {
    const [a] = analyzeCurves([pythiaCurve(task, chance)]);
    expect(curveAnalysisSchema.parse(a).verdict).toBe("smooth");
    expect(a.transition!.pSmooth).toBeLessThan(0.05);
    expect(a.transition!.width.lower).toBeGreaterThan(1);
    expect(a.slope!.estimate).toBeGreaterThan(0);
  });

  it("never calls an MMLU subject abrupt; with 100–300 items most cannot be told apart from chance or a small rise", () => {
    const tasks = Object.keys(pythiaRuns[0].results).filter((t) => t.startsWith("hendrycksTest-"));
    expect(tasks.length).toBe(57);
    const results = analyzeCurves(tasks.map((t) => pythiaCurve(t, 0.25)));
    const verdicts = results.map((r) => r.verdict);
    expect(verdicts).not.toContain("abrupt");
    expect(verdicts.filter((v) => v === "cannot-tell").length).toBeGreaterThanOrEqual(45);
    for (const r of results.filter((r) => r.verdict === "cannot-tell")) expect(r.decide).toMatch(/smaller errors|a model/);
    for (const r of results.filter((r) => r.verdict === "near-floor" || r.verdict === "flat")) expect(r.equivalence!.passed).toBe(true);
  });
});

describe("analyzeCurves on observational-scaling ipa_transliterate_2 (no stderr: the mirage test)", () => {
  const exact = analyzeCurves(obsScalingCurves("ipa_transliterate_2_exact_match", PROPORTION));
  const bleu = analyzeCurves(
    obsScalingCurves("ipa_transliterate_2_bleu", { higherIsBetter: true, lowerBound: 0, upperBound: 100, kind: "continuous" }),
  );
  const verdicts = (results: typeof exact) => Object.fromEntries(results.map((r) => [r.family, r.verdict]));

  it("gives the verdicts a careful reader would, under each metric", () => {
    expect(verdicts(exact)).toEqual(EXPECTED_EXACT);
    expect(verdicts(bleu)).toEqual(EXPECTED_BLEU);
  });

  it("calls families with 5–7 scales and no standard errors cannot-tell, saying why", () => {
    for (const r of [...exact, ...bleu].filter((r) => r.scales < 8)) {
      expect(r.verdict).toBe("cannot-tell");
      expect(r.reasons[0]).toContain("no standard errors, and too few points to estimate noise");
    }
  });

  it("estimates a residual sigma for families with 8 scales and says so", () => {
    for (const r of [...exact, ...bleu].filter((r) => r.scales >= 8)) {
      expect(r.points.every((p) => p.seSource === "residual")).toBe(true);
      expect(r.flags).toContain("errors-estimated");
    }
  });
});

// Exact match: Pythia is exactly 0 everywhere and OPT leaves 0 only at 30B and 66B (0.002, 0.007): both stay
// within ±0.05 of chance 0. BLEU (0–100) rises from 0.03 to 0.58 for Pythia and to 2.4 for OPT: within ±5 BLEU of 0.
// GPT-Neo/J (5 scales) and Qwen1.5 (7, exact match only) have no stderr: cannot tell.
const EXPECTED_EXACT: Record<string, string> = {
  "Qwen1.5": "cannot-tell",
  Pythia: "near-floor",
  "GPT-Neo/J": "cannot-tell",
  OPT: "near-floor",
};
const EXPECTED_BLEU: Record<string, string> = { Pythia: "near-floor", "GPT-Neo/J": "cannot-tell", OPT: "near-floor" };
