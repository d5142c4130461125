import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { parseEveryEvalEver, parseEveryEvalEverLines } from "./parse-every-eval-ever";

const NAME = "98ea850e-7019-4728-a558-8b1819ec47c2.json";
const text = readFileSync(path.join(import.meta.dirname, "__fixtures__", "every-eval-ever-record", NAME), "utf8");
type Doc = { model_info: Record<string, unknown>; evaluation_results: Array<Record<string, Record<string, unknown>>> } & Record<string, unknown>;
const record = (): Doc => JSON.parse(text) as Doc;

describe("parseEveryEvalEver on a real schema 0.2.0 record", () => {
  const parsed = parseEveryEvalEver(NAME, text);

  it("reads each evaluation as a result of task evaluation_name, metric as the record describes it", () => {
    expect(parsed.format).toBe("every-eval-ever");
    expect(parsed.results.map((r) => [r.task, r.metric, r.value])).toEqual([
      ["IFEval", "Accuracy on IFEval", 0.4486],
      ["BBH", "Accuracy on BBH", 0.4224],
      ["MATH Level 5", "Exact Match on MATH Level 5", 0.0249],
      ["GPQA", "Accuracy on GPQA", 0.2743],
      ["MUSR", "Accuracy on MUSR", 0.419],
      ["MMLU-PRO", "Accuracy on MMLU-PRO", 0.1946],
    ]);
    expect(parsed.results[0]).toEqual({
      model: "TencentARC/LLaMA-Pro-8B-Instruct", revision: null, task: "IFEval", metric: "Accuracy on IFEval", filter: "none",
      shots: null, value: 0.4486, stderr: null, n: null, isGroup: false, source: { key: "evaluation_results.0.score_details.score" },
    });
  });

  it("states the model's size (params_billions) and developer as a model fact", () => {
    expect(parsed.modelFacts).toEqual([
      {
        model: "TencentARC/LLaMA-Pro-8B-Instruct", family: null, developer: "TencentARC", parameters: 8_357_000_000,
        trainingTokens: null, trainingFlops: null, source: { key: "model_info.additional_details.params_billions" },
      },
    ]);
  });

  it("takes direction from lower_is_better and bounds from min_score / max_score", () => {
    expect(parsed.directions).toHaveLength(6);
    expect(parsed.directions[2]).toEqual({ task: "MATH Level 5", metric: "Exact Match on MATH Level 5", higherIsBetter: true, source: { key: "evaluation_results.2.metric_config" } });
    expect(parsed.metricFacts[0]).toEqual({ metric: "Accuracy on IFEval", higherIsBetter: true, lowerBound: 0, upperBound: 1, source: { key: "evaluation_results.0.metric_config" } });
  });
});

describe("Every Eval Ever JSONL and later 0.2.x records", () => {
  it("reads one record a line, merging what several lines state about one model", () => {
    const other = record();
    other.model_info = { id: "EleutherAI/pythia-160m", name: "pythia-160m", developer: "EleutherAI", additional_details: { params_billions: "0.162" } };
    other.evaluation_results = [{ ...record().evaluation_results[0], score_details: { score: 0.2, uncertainty: { standard_error: { value: 0.01 }, num_samples: 541 } } }];
    const sameModelNoSize = { ...other, model_info: { id: "EleutherAI/pythia-160m", name: "x" }, evaluation_results: [record().evaluation_results[1]] };
    const lines = [JSON.stringify(record()), "", JSON.stringify(other), JSON.stringify(sameModelNoSize)].join("\n");
    const parsed = parseEveryEvalEverLines("dump.jsonl", lines);
    expect(parsed.results).toHaveLength(8);
    expect(parsed.results[6]).toMatchObject({ model: "EleutherAI/pythia-160m", task: "IFEval", value: 0.2, stderr: 0.01, n: 541, source: { line: 3 } });
    expect(parsed.modelFacts.map((f) => [f.model, f.developer, f.parameters])).toEqual([
      ["TencentARC/LLaMA-Pro-8B-Instruct", "TencentARC", 8_357_000_000],
      ["EleutherAI/pythia-160m", "EleutherAI", 162_000_000],
    ]);
  });

  it.each([
    ["a malformed line", [text.replace(/\n/g, " "), '{"schema_version": "0.2.0", '].join("\n"), /^d\.jsonl:2: malformed JSON/],
    ["a model stated twice with different sizes", [text, text.replace("8.357", "7")].map((t) => t.replace(/\n/g, " ")).join("\n"), /^d\.jsonl:2: model TencentARC\/LLaMA-Pro-8B-Instruct: parameters stated twice, differently \(7000000000 here, 8357000000 at 1\)/],
  ])("refuses %s, naming the line", (_, lines, message) => {
    expect(() => parseEveryEvalEverLines("d.jsonl", lines)).toThrow(message);
  });
});

describe("parseEveryEvalEver refuses bad records, naming the key", () => {
  const edit = (change: (doc: Doc) => void) => {
    const doc = record();
    change(doc);
    return JSON.stringify(doc);
  };
  it.each([
    ["a truncated file", text.slice(0, 700), /^r\.json:\d+: malformed JSON/],
    ["a score of the wrong type", edit((d) => (d.evaluation_results[1].score_details.score = "0.42")), /^r\.json: expected a number, found string "0\.42" \(at evaluation_results\.1\.score_details\.score\)$/],
    ["a score outside its stated bounds", edit((d) => (d.evaluation_results[0].score_details.score = 44.86)), /^r\.json: score 44\.86 is outside the metric's stated range \[0, 1\] \(at evaluation_results\.0\.score_details\.score\)$/],
    ["a direction that is not a boolean", edit((d) => (d.evaluation_results[0].metric_config.lower_is_better = "no")), /expected true or false, found string "no" \(at evaluation_results\.0\.metric_config\.lower_is_better\)$/],
    ["another schema version", edit((d) => (d.schema_version = "0.1.0")), /^r\.json: expected schema_version 0\.2\.x, found string "0\.1\.0" \(at schema_version\)$/],
    ["no model id", edit((d) => delete d.model_info.id), /^r\.json: expected the model's id, found nothing \(at model_info\.id\)$/],
    ["a size that is not a number", edit((d) => (d.model_info.additional_details = { params_billions: "eight" })), /expected a number, found string "eight" \(at model_info\.additional_details\.params_billions\)$/],
    ["bounds the wrong way round", edit((d) => Object.assign(d.evaluation_results[0].metric_config, { min_score: 1, max_score: 0 })), /score 0\.4486 is outside the metric's stated range \[1, 0\]/],
    ["results that are not a list", edit((d) => (d.evaluation_results = {} as never)), /^r\.json: expected a list of results \(at evaluation_results\)$/],
  ])("%s", (_, input, message) => {
    expect(() => parseEveryEvalEver("r.json", input)).toThrow(message);
    expect(() => parseEveryEvalEver("r.json", input)).toThrow(IngestError);
  });

  it("keeps a missing score out (never 0) and refuses a record with nothing else", () => {
    const one = edit((d) => {
      d.evaluation_results = [{ ...d.evaluation_results[0], score_details: { score: null } }];
    });
    expect(() => parseEveryEvalEver("r.json", one)).toThrow(/^r\.json: no results in r\.json \(1 missing value\(s\) skipped\)$/);
  });
});
