import { describe, expect, it } from "vitest";
import type { ParsedFile, ParsedResult } from "@/lib/schemas/parsed-file";
import { planIngest } from "./plan-ingest";
import type { ModelPlan, RegistryLookup } from "./plan-types";

const pythia: ModelPlan = {
  name: "pythia-70m", family: "Pythia", parameters: 70_426_624, trainingTokens: 299_892_736_000, trainingFlops: 1.3e20,
  flopsEstimated: true, tokensPerStep: 2_097_152, finalStep: 143_000, source: "Pythia README", aliases: ["EleutherAI/pythia-v1.1-70m"],
  overwrite: false,
};

const registry: RegistryLookup = {
  resolveModel: (name) => (name.toLowerCase().includes("pythia-v1.1-70m") ? pythia : null),
  task: (name) => (name === "arc_easy" ? { name, suite: "arc", chance: 0.25, chanceSource: "4 options", itemCount: null } : null),
  metric: (name) =>
    name === "acc" ? { name, higherIsBetter: true, lowerBound: 0, upperBound: 1, kind: "discrete" } : null,
};

function result(over: Partial<ParsedResult> = {}): ParsedResult {
  return {
    model: "EleutherAI/pythia-v1.1-70m", revision: "step143000", task: "arc_easy", metric: "acc", filter: "none",
    shots: 0, value: 0.4, stderr: 0.01, n: null, isGroup: false, source: { key: "results.arc_easy.acc" }, ...over,
  };
}

function file(results: ParsedResult[], modelFacts: ParsedFile["modelFacts"] = []): ParsedFile {
  return { format: "lm-eval-v0.3", results, modelFacts, directions: [], metricFacts: [], missingValues: 0 };
}

describe("planIngest", () => {
  it("lists the tasks the file gives as groups, and only those", () => {
    const plan = planIngest("g.json", file([result({ task: "mmlu", isGroup: true }), result({ task: "mmlu_anatomy" })]), registry);
    expect(plan.groupTasks).toEqual(["mmlu"]);
    expect(plan.rows.task).toEqual(["mmlu", "mmlu_anatomy"]);
  });

  it("takes a metric's direction and bounds from the file only when the registry does not know the metric", () => {
    const fact = (metric: string) => ({ metric, higherIsBetter: false, lowerBound: 0, upperBound: 100, source: { key: "k" } });
    const parsed = { ...file([result({ metric: "score", value: 42 }), result({ metric: "acc" })]), metricFacts: [fact("score"), fact("acc")] };
    const plan = planIngest("eee.json", parsed, registry);
    expect(plan.metrics.find((m) => m.name === "score")).toEqual({ name: "score", higherIsBetter: false, lowerBound: 0, upperBound: 100, kind: null });
    // the registry's acc (higher is better, [0, 1]) wins over what the file says
    expect(plan.metrics.find((m) => m.name === "acc")).toMatchObject({ higherIsBetter: true, lowerBound: 0, upperBound: 1 });
    const outside = { ...file([result({ metric: "score", value: 142 })]), metricFacts: [fact("score")] };
    expect(() => planIngest("eee.json", outside, registry)).toThrow(/value 142 of metric "score" is outside its bounds \[0, 100\]/);
  });

  it("resolves the model, keeps the file's spelling as an alias and maps the last step to 'final'", () => {
    const plan = planIngest("70m.json", file([result()]), registry);
    expect(plan.models).toHaveLength(1);
    expect(plan.models[0].name).toBe("pythia-70m");
    expect(plan.models[0].aliases).toContain("EleutherAI/pythia-v1.1-70m");
    expect(plan.checkpoints).toEqual([expect.objectContaining({ revision: "final", isFinal: true })]);
    expect(plan.rows).toMatchObject({ model: ["pythia-70m"], revision: ["final"], value: [0.4], stderr: [0.01] });
    expect(plan.unknownScaleModels).toEqual([]);
  });

  it("stores an unknown model under its own name with null scale and reports it", () => {
    const plan = planIngest("x.csv", file([result({ model: "my-lab/run-7" })]), registry);
    expect(plan.models[0]).toMatchObject({ name: "my-lab/run-7", parameters: null, trainingTokens: null, trainingFlops: null });
    expect(plan.unknownScaleModels).toEqual(["my-lab/run-7"]);
  });

  it("fills a known model's scale from the file only when nothing gave it any, credited to the file", () => {
    const bare: ModelPlan = { ...pythia, name: "lab/run-1b", parameters: null, trainingTokens: null, trainingFlops: null, source: null, aliases: ["lab/run-1b"] };
    const lookup: RegistryLookup = { ...registry, resolveModel: (name) => (name === "lab/run-1b" ? bare : registry.resolveModel(name)) };
    const stated = (model: string) => [{ model, family: null, developer: null, parameters: 1.1e9, trainingTokens: null, trainingFlops: null, source: { key: "config.model_num_parameters" } }];
    const filled = planIngest("r.json", file([result({ model: "lab/run-1b" })], stated("lab/run-1b")), lookup);
    expect(filled.models[0]).toMatchObject({ name: "lab/run-1b", parameters: 1.1e9, source: "stated in the file r.json" });
    expect(filled.unknownScaleModels).toEqual([]);
    // the registry's pythia-70m keeps its own size, whatever the file states
    const kept = planIngest("r.json", file([result()], stated("EleutherAI/pythia-v1.1-70m")), lookup);
    expect(kept.models[0]).toMatchObject({ parameters: 70_426_624, source: "Pythia README" });
  });

  it("takes scale facts a wide CSV states for models the registry lacks", () => {
    const facts = [{ model: "new/model-7b", family: "New", developer: null, parameters: 7e9, trainingTokens: null, trainingFlops: null, source: { line: 2 } }];
    const plan = planIngest("wide.csv", file([result({ model: "new/model-7b" })], facts), registry);
    expect(plan.models[0]).toMatchObject({ family: "New", parameters: 7e9, source: "stated in the file wide.csv" });
    expect(plan.unknownScaleModels).toEqual([]);
  });

  it("creates unknown tasks with unknown chance and unknown metrics without bounds", () => {
    const plan = planIngest("f.json", file([result({ task: "new_task", metric: "f1" })]), registry);
    expect(plan.tasks).toEqual([{ name: "new_task", suite: null, chance: null, chanceSource: null, itemCount: null }]);
    expect(plan.metrics[0]).toMatchObject({ name: "f1", lowerBound: null, upperBound: null });
  });

  it("rejects a value outside the metric's bounds, naming file and key", () => {
    expect(() => planIngest("bad.json", file([result({ value: 1.5 })]), registry)).toThrow(
      /bad\.json: value 1\.5 of metric "acc" is outside its bounds \[0, 1\] \(at results\.arc_easy\.acc\)/,
    );
  });

  it("drops an exact duplicate but rejects the same result given twice with different values", () => {
    const twice = planIngest("d.csv", file([result({ source: { line: 2 } }), result({ source: { line: 3 } })]), registry);
    expect(twice.rows.value).toHaveLength(1);
    expect(() =>
      planIngest("d.csv", file([result({ source: { line: 2 } }), result({ value: 0.5, source: { line: 3 } })]), registry),
    ).toThrow(/d\.csv:3: .*given twice with different values \(0\.4 at line 2, 0\.5 here\)/);
  });

  it("takes two spellings of one checkpoint (step143000, main and none for pythia-70m) for the same result", () => {
    const spellings = [result({ source: { line: 2 } }), result({ revision: "main", source: { line: 3 } }), result({ revision: null, source: { line: 4 } })];
    const plan = planIngest("d.csv", file(spellings), registry);
    expect(plan.rows.value).toHaveLength(1);
    expect(plan.checkpoints).toHaveLength(1);
    expect(() =>
      planIngest("d.csv", file([result({ source: { line: 2 } }), result({ revision: "main", value: 0.5, source: { line: 3 } })]), registry),
    ).toThrow(/d\.csv:3: .*given twice with different values \(0\.4 at line 2, 0\.5 here\)/);
  });

  it("keeps different shots and filters apart", () => {
    const plan = planIngest("f.json", file([result(), result({ shots: 5 }), result({ filter: "strict-match" })]), registry);
    expect(plan.rows.value).toHaveLength(3);
  });

  it("plans the file's direction per task and metric, and the registry's chance level for the pair", () => {
    const withChance: RegistryLookup = { ...registry, taskMetric: (t, m) => (t === "arc_easy" && m === "acc" ? { chance: 0.25, chanceSource: "4 options" } : null) };
    const parsed = { ...file([result(), result({ metric: "f1" })]), directions: [{ task: "arc_easy", metric: "f1", higherIsBetter: true, source: { key: "higher_is_better.arc_easy.f1" } }] };
    const plan = planIngest("r.json", parsed, withChance);
    expect(plan.taskMetrics).toEqual([
      { task: "arc_easy", metric: "f1", higherIsBetter: true, directionSource: "r.json: higher_is_better.arc_easy.f1", chance: null, chanceSource: null },
      { task: "arc_easy", metric: "acc", higherIsBetter: null, directionSource: null, chance: 0.25, chanceSource: "4 options" },
    ]);
  });

  it("refuses a file that says both that higher is and is not better for one metric", () => {
    const both = {
      ...file([result()]),
      directions: [
        { task: "arc_easy", metric: "acc", higherIsBetter: true, source: { key: "higher_is_better.arc_easy.acc" } },
        { task: "arc_easy", metric: "acc", higherIsBetter: false, source: { key: "groups.higher_is_better.arc_easy.acc" } },
      ],
    };
    expect(() => planIngest("r.json", both, registry)).toThrow(/both that higher is and is not better for arc_easy \/ acc/);
  });
});
