import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";
import { parseCsvWide } from "./parse-csv-wide";

const DIR = path.resolve(import.meta.dirname, "../../data/demo/obsscaling/eval_results");
const load = (name: string) => {
  const text = readFileSync(path.join(DIR, name), "utf8");
  return { text, parsed: parseCsvWide(name, text) };
};
/** Non-empty score cells, counted independently of the parser. */
const scoreCells = (text: string, firstScoreColumn: number) =>
  parseCsv("x", text)
    .slice(1)
    .reduce((sum, row) => sum + row.cells.slice(firstScoreColumn).filter((c) => c !== "").length, 0);
const LLAMA = "meta-llama/Llama-2-7b-hf";

describe("parseCsvWide on the ObsScaling files", () => {
  it("reads the benchmark CSV: 148 models, one result per non-empty cell, scale facts", () => {
    const { text, parsed } = load("base_llm_benchmark_eval.csv");
    expect(parsed.format).toBe("csv-wide");
    expect(parsed.modelFacts).toHaveLength(148);
    expect(new Set(parsed.results.map((r) => r.model)).size).toBe(148);
    expect(parsed.results).toHaveLength(scoreCells(text, 5));
    expect(parsed.results).toHaveLength(1144);
    expect(parsed.missingValues).toBe(40);
    expect(parsed.results.find((r) => r.model === LLAMA && r.task === "mmlu")).toEqual({
      model: LLAMA, revision: null, task: "mmlu", metric: "acc", filter: "none", shots: 5,
      value: 0.4379609636092418, stderr: null, n: null, isGroup: false, source: { line: 2, key: "MMLU" },
    });
    expect(parsed.modelFacts.find((f) => f.model === "Qwen/Qwen1.5-110B")).toEqual({
      model: "Qwen/Qwen1.5-110B", family: "Qwen1.5", developer: null, parameters: 110e9, trainingTokens: null, trainingFlops: null,
      source: { line: 14 },
    });
    expect(parsed.modelFacts.find((f) => f.model === LLAMA)).toMatchObject({
      parameters: 7e9, trainingTokens: 2e12, trainingFlops: 84e21,
    });
    expect(parsed.modelFacts.find((f) => f.model === "EleutherAI/pythia-70m-deduped")?.parameters).toBe(70_000_000);
  });

  it("reads the emergent-capability CSV with shots from the column names", () => {
    const { text, parsed } = load("base_llm_emergent_capability_eval.csv");
    expect(new Set(parsed.results.map((r) => r.model)).size).toBe(84);
    expect(parsed.results).toHaveLength(scoreCells(text, 1));
    expect(parsed.missingValues).toBe(59);
    expect(parsed.modelFacts).toEqual([]);
    expect(parsed.results.find((r) => r.model === LLAMA && r.task === "ipa_transliterate" && r.metric === "bleu"))
      .toMatchObject({ value: 27.23879164406593, shots: 2 });
  });

  it("reads the Leaderboard v2 CSV", () => {
    const { parsed } = load("base_llm_leaderboard_v2_eval.csv");
    expect(parsed.results).toHaveLength(72 * 6);
    expect(parsed.missingValues).toBe(0);
    expect(parsed.results.find((r) => r.model === LLAMA && r.task === "leaderboard_gpqa")).toMatchObject({
      metric: "acc_norm", shots: 0, value: 0.26677852348993286,
    });
  });

  it.each([
    ["Model,MMLU,Average\nx/y,0.3,0.4\n", 'w.csv:1: column "Average" is not a known task-metric'],
    ["Name,MMLU\nx/y,0.3\n", 'w.csv:1: first column must be "Model"'],
    ["Model,MMLU\nx/y,0.3,1\n", "w.csv:2: row has 3 cells"],
    ["Model,MMLU\nx/y,high\n", 'w.csv:2: column "MMLU": expected a number'],
    ["Model,MMLU\nx/y,0.3\nx/y,0.4\n", "w.csv:3: duplicate result for x/y mmlu acc"],
  ])("rejects %j", (text, message) => {
    expect(() => parseCsvWide("w.csv", text)).toThrow(message);
  });

  it("counts -100 and NaN as missing", () => {
    expect(parseCsvWide("w.csv", "model,MMLU,GSM8K\na,-100,NaN\na,0.5,-100\n")).toMatchObject({ results: [{ value: 0.5 }], missingValues: 3 });
    // nothing but missing values: a file of no results, refused
    expect(() => parseCsvWide("w.csv", "model,MMLU,GSM8K\na,-100,NaN\n")).toThrow(/no results in w\.csv \(2 missing value\(s\) skipped\)/);
  });
});
