import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { parseOpenCompassCsv } from "./parse-opencompass-csv";

const NAME = "summary_20250101_120000.csv";
const text = readFileSync(path.join(import.meta.dirname, "__fixtures__", "opencompass", NAME), "utf8");

describe("parseOpenCompassCsv on a summary in OpenCompass's format", () => {
  const parsed = parseOpenCompassCsv(NAME, text);
  const find = (task: string, model: string) => parsed.results.find((r) => r.task === task && r.model === model);

  it("reads one result per model cell, the mode as filter, values as printed", () => {
    expect(parsed.format).toBe("opencompass-csv");
    expect(find("gsm8k", "example-1.5b-hf")).toEqual({
      model: "example-1.5b-hf", revision: null, task: "gsm8k", metric: "accuracy", filter: "gen", shots: null,
      value: 35.71, stderr: null, n: null, isGroup: false, source: { line: 8, key: "example-1.5b-hf" },
    });
    expect(find("openai_humaneval", "example-7b-hf")).toMatchObject({ metric: "humaneval_pass@1", filter: "gen", value: 57.93 });
    expect(find("ARC-c", "example-0.5b-hf")).toMatchObject({ metric: "accuracy", filter: "ppl", value: 34.24 });
  });

  it("counts '-' as missing, never 0, and skips headings and datasets without results", () => {
    expect(find("math", "example-0.5b-hf")).toBeUndefined();
    expect(find("ceval", "example-0.5b-hf")).toBeUndefined();
    expect(parsed.missingValues).toBe(3);
    expect(parsed.results).toHaveLength(27);
    expect(parsed.results.some((r) => r.task.startsWith("---") || r.task === "nq")).toBe(false);
  });

  it("marks summary groups (version '-') so they are not counted beside their datasets", () => {
    expect(parsed.results.filter((r) => r.isGroup).map((r) => `${r.task} ${r.metric}`)).toEqual([
      ...Array(3).fill("mmlu naive_average"), ...Array(2).fill("ceval naive_average"), ...Array(3).fill("bbh weighted_average"),
    ]);
    const subjects = parsed.results.filter((r) => r.task.startsWith("lukaemon_mmlu_") && r.model === "example-7b-hf");
    expect(find("mmlu", "example-7b-hf")?.value).toBeCloseTo((subjects[0].value + subjects[1].value) / 2, 10);
  });
});

describe("parseOpenCompassCsv refuses bad summaries, naming line and model", () => {
  const head = "dataset,version,metric,mode,m1,m2\n";
  it.each([
    ["a truncated file", text.slice(0, text.indexOf("ceval") + 20), /^s\.csv:6: row has 3 cells, header has 7$/],
    ["a score that is not a number", `${head}gsm8k,1d7fe4,accuracy,gen,12.5,high\n`, /^s\.csv:2: column "m2": expected a number, found "high" \(at m2\)$/],
    ["a score beside no metric", `${head}gsm8k,-,-,-,12.5,-\n`, /^s\.csv:2: a row without a metric holds a score for m1 \(at m1\)$/],
    ["another header", "model,task,value\nm,t,1\n", /^s\.csv:1: expected the columns dataset,version,metric,mode then one per model$/],
    ["no model column", "dataset,version,metric,mode\n", /^s\.csv:1: no model columns/],
    ["a model twice", "dataset,version,metric,mode,m,m\n", /^s\.csv:1: model column "m" appears twice \(at m\)$/],
    ["the same score twice, differently", `${head}gsm8k,1d7fe4,accuracy,gen,1,2\ngsm8k,1d7fe4,accuracy,gen,3,2\n`, /^s\.csv:3: duplicate result for m1 gsm8k accuracy/],
    ["nothing but missing values", `${head}gsm8k,1d7fe4,accuracy,gen,-,-\n`, /^s\.csv: no results in s\.csv \(2 missing value\(s\) skipped\)$/],
  ])("%s", (_, input, message) => {
    expect(() => parseOpenCompassCsv("s.csv", input)).toThrow(message);
    expect(() => parseOpenCompassCsv("s.csv", input)).toThrow(IngestError);
  });
});
