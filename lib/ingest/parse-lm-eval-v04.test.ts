import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLmEvalV04 } from "./parse-lm-eval-v04";

const FIXTURE = "results_2024-06-01T12-00-00.json";
const text = readFileSync(path.join(import.meta.dirname, "__fixtures__", FIXTURE), "utf8");

describe("parseLmEvalV04", () => {
  const parsed = parseLmEvalV04(FIXTURE, text);
  const find = (task: string, metric: string, filter = "none") =>
    parsed.results.find((r) => r.task === task && r.metric === metric && r.filter === filter);

  it("reads metric,filter keys with stderr, n from n-samples and shots from n-shot", () => {
    expect(parsed.format).toBe("lm-eval-v0.4");
    expect(find("arc_easy", "acc")).toEqual({
      model: "EleutherAI/pythia-1.4b",
      revision: "step93000",
      task: "arc_easy",
      metric: "acc",
      filter: "none",
      shots: 0,
      value: 0.6178451178451179,
      stderr: 0.009970747281292427,
      n: 2376,
      isGroup: false,
      source: { key: "results.arc_easy.acc,none" },
    });
    expect(find("gsm8k", "exact_match", "flexible-extract")).toMatchObject({ value: 0.02880970432145565, shots: 5, n: 1319 });
    expect(find("gsm8k", "exact_match", "strict-match")?.stderr).toBe(0.0038289829787357117);
  });

  it("skips the NaN perplexity as missing and never emits alias or stderr keys", () => {
    expect(find("lambada_openai", "perplexity")).toBeUndefined();
    expect(parsed.missingValues).toBe(1);
    expect(parsed.results.some((r) => r.metric.includes("stderr") || r.metric === "alias")).toBe(false);
    expect(parsed.results).toHaveLength(8);
  });

  it("includes group aggregates marked isGroup, with a N/A stderr as null and shots from the subtasks", () => {
    expect(find("mmlu", "acc")).toMatchObject({ value: 0.24054054054054055, stderr: null, n: null, shots: 0, isGroup: true });
    expect(find("mmlu_anatomy", "acc")).toMatchObject({ value: 0.2518518518518518, isGroup: false });
    expect(parsed.results.filter((r) => r.isGroup).map((r) => r.task)).toEqual(["mmlu"]);
  });

  it("marks a results entry as a group when group_subtasks lists subtasks under its name", () => {
    const doc = {
      results: { leaderboard_bbh: { "acc_norm,none": 0.4 }, bbh_sports: { "acc_norm,none": 0.6 }, solo: { "acc,none": 0.1 } },
      group_subtasks: { leaderboard_bbh: ["bbh_sports"], solo: [] },
      model_name: "m",
    };
    const out = parseLmEvalV04("g.json", JSON.stringify(doc));
    expect(out.results.map((r) => [r.task, r.isGroup])).toEqual([
      ["leaderboard_bbh", true],
      ["bbh_sports", false],
      ["solo", false],
    ]);
  });

  it("emits a ModelFact from model_num_parameters", () => {
    expect(parsed.modelFacts).toEqual([
      {
        model: "EleutherAI/pythia-1.4b",
        family: null,
        developer: null,
        parameters: 1414647808,
        trainingTokens: null,
        trainingFlops: null,
        source: { key: "config.model_num_parameters" },
      },
    ]);
  });

  it("uses model_name and model_revision when model_args is an object without pretrained", () => {
    const doc = {
      results: { t: { "acc,none": 0.5, "acc,none_extra": 1, alias: "t" } },
      "n-shot": { t: 2 },
      config: { model: "hf", model_args: { dtype: "float16" }, model_revision: "step1000" },
      model_name: "org/name",
    };
    const out = parseLmEvalV04("o.json", JSON.stringify(doc));
    expect(out.results.map((r) => [r.model, r.revision, r.metric, r.filter, r.shots])).toEqual([
      ["org/name", "step1000", "acc", "none", 2],
      ["org/name", "step1000", "acc", "none_extra", 2],
    ]);
  });

  it("keeps a group repeated in results and groups once, and rejects a conflicting repeat", () => {
    const base = { results: { g: { "acc,none": 0.3 } }, groups: { g: { "acc,none": 0.3 } }, model_name: "m" };
    expect(parseLmEvalV04("g.json", JSON.stringify(base)).results).toHaveLength(1);
    const conflict = { ...base, groups: { g: { "acc,none": 0.4 } } };
    expect(() => parseLmEvalV04("g.json", JSON.stringify(conflict))).toThrow(/g\.json: duplicate result .*groups\.g\.acc,none/);
  });

  it("reads metric directions from higher_is_better in a real lm-eval 0.4.9 file", () => {
    const real = "results_2026-01-21T03-44-18.458309.json";
    const parsedReal = parseLmEvalV04(real, readFileSync(path.join(import.meta.dirname, "__fixtures__", "every-eval-ever", real), "utf8"));
    expect(parsedReal.directions).toEqual([
      { task: "math_perturbed_full", metric: "exact_match", higherIsBetter: true, source: { key: "higher_is_better.math_perturbed_full.exact_match" } },
      { task: "math_rephrased_full", metric: "exact_match", higherIsBetter: true, source: { key: "higher_is_better.math_rephrased_full.exact_match" } },
    ]);
  });

  it("refuses a direction that is not true or false, naming its key", () => {
    const bad = JSON.stringify({ ...JSON.parse(text.replaceAll("NaN", "null")), higher_is_better: { arc_easy: { acc: "yes" } } });
    expect(() => parseLmEvalV04("bad.json", bad)).toThrow(/expected true or false, found string "yes" \(at higher_is_better\.arc_easy\.acc\)/);
  });
});
