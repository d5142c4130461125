import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";
import { IngestError } from "./ingest-error";
import { parseFile } from "./parse-file";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(import.meta.dirname, "__fixtures__");
const text = (file: string) => readFileSync(file, "utf8");

describe("detectFormat and parseFile", () => {
  it.each([
    ["data/demo/pythia/evals/pythia-v1/pythia-70m/zero-shot/70m_step143000.json", "lm-eval-v0.3"],
    ["lib/ingest/__fixtures__/results_2024-06-01T12-00-00.json", "lm-eval-v0.4"],
    ["data/demo/obsscaling/eval_results/base_llm_benchmark_eval.csv", "csv-wide"],
    ["data/demo/obsscaling/eval_results/base_llm_leaderboard_v2_eval.csv", "csv-wide"],
  ])("%s is %s", (rel, format) => {
    expect(detectFormat(rel, text(path.join(ROOT, rel)))).toBe(format);
    expect(parseFile(rel, text(path.join(ROOT, rel))).format).toBe(format);
  });

  it.each([
    ["lib/ingest/__fixtures__/inspect/eee-tests/data_arc_qwen.json", "inspect-log", 1],
    ["lib/ingest/__fixtures__/every-eval-ever-record/98ea850e-7019-4728-a558-8b1819ec47c2.json", "every-eval-ever", 6],
    ["lib/ingest/__fixtures__/opencompass/summary_20250101_120000.csv", "opencompass-csv", 27],
  ])("%s is %s, parsed by parseFile", (rel, format, results) => {
    expect(detectFormat(rel, text(path.join(ROOT, rel)))).toBe(format);
    const parsed = parseFile(rel, text(path.join(ROOT, rel)));
    expect([parsed.format, parsed.results.length]).toEqual([format, results]);
  });

  it("parses JSONL of Every Eval Ever records by content, whatever the name", () => {
    const record = text(path.join(FIXTURES, "every-eval-ever-record/98ea850e-7019-4728-a558-8b1819ec47c2.json")).replace(/\n/g, " ");
    const parsed = parseFile("dump.txt", `${record}\n${record}\n`);
    expect([parsed.format, parsed.results.length, parsed.results[0].source]).toEqual(["every-eval-ever", 6, { line: 1, key: "evaluation_results.0.score_details.score" }]);
  });

  it("refuses an lm-eval samples file and a .eval archive with what they are, never guessing", () => {
    const samples = "lib/ingest/__fixtures__/lm-eval-samples/samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl";
    expect(() => parseFile(samples, text(path.join(ROOT, samples)))).toThrow(/:1: an lm-eval samples file holds per-item records/);
    const evalLog = path.join(FIXTURES, "inspect/inspect-ai/log_formats.eval");
    expect(() => parseFile("log_formats.eval", readFileSync(evalLog, "latin1"))).toThrow(/log_formats\.eval: an Inspect \.eval log is a zip archive/);
  });

  it("detects a long CSV by its header", () => {
    expect(parseFile("l.csv", "Model,Task,Metric,Value\nm,t,acc,0.5\n").format).toBe("csv-long");
  });

  // Every error names the file and the line or key where the problem is.
  it.each([
    ["bad-malformed.json", /^bad-malformed\.json:4: malformed JSON: .* at line 4 column 3/],
    ["bad-empty.json", /^bad-empty\.json: empty file$/],
    ["bad-no-model.json", /^bad-no-model\.json: missing model identity.*\(at config\.model_args\)$/],
    ["bad-wrong-type.json", /^bad-wrong-type\.json: expected a number, found string "high" \(at results\.arc_easy\.acc\)$/],
    ["bad-duplicate.csv", /^bad-duplicate\.csv:3: duplicate result .*0\.5 here, 0\.4 at 2/],
    ["bad-unknown.csv", /^bad-unknown\.csv:1: unknown format/],
    ["bad-wide-column.csv", /^bad-wide-column\.csv:1: column "Average" is not a known task-metric/],
    ["bad-not-finite.csv", /^bad-not-finite\.csv:2: column "value": value is not a finite number/],
  ])("%s", (file, message) => {
    const run = () => parseFile(file, text(path.join(FIXTURES, file)));
    expect(run).toThrow(IngestError);
    expect(run).toThrow(message);
  });

  it.each([
    ['{"results": {"t": {"acc": 0.5}}}', /x\.json: unknown format.*\(at versions\)/],
    ['{"other": 1}', /x\.json: unknown format.*\(at results\)/],
    ['{"results": {"t": {"acc": 1e999}}, "versions": {}, "config": {"model_args": "pretrained=a"}}', /x\.json: value is not a finite number \(at results\.t\.acc\)/],
    ['{"results": {"t": {"acc,none": 0.5}}, "n-samples": {"t": {"effective": 0}}, "model_name": "m"}', /x\.json: expected a positive integer.*\(at n-samples\.t\.effective\)/],
    ['{"results": {"t": {"acc,none": 0.5}}, "config": {"model": "hf"}}', /x\.json: missing model identity/],
    ["   \n", /x\.json: empty file/],
  ])("rejects %j", (input, message) => {
    expect(() => parseFile("x.json", input)).toThrow(message);
  });

  it("turns a schema violation into an IngestError naming the record", () => {
    const longName = "m".repeat(201);
    expect(() => parseFile("l.csv", `model,task,metric,value\n${longName},t,acc,0.5\n`)).toThrow(/^l\.csv:2: invalid results\.0\.model/);
  });
});
