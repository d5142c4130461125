import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError, MalformedJsonError } from "./ingest-error";
import { parseInspectLog } from "./parse-inspect-log";

const ROOT = path.join(import.meta.dirname, "__fixtures__", "inspect");
const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");
const parse = (rel: string) => parseInspectLog(path.basename(rel), read(rel));

describe("parseInspectLog on real Inspect JSON logs", () => {
  it("ARC-Easy (qwen2.5 0.5b): task, model, accuracy with its stderr, n, and the samples as items", () => {
    const { file, items } = parse("eee-tests/data_arc_qwen.json");
    expect(file.format).toBe("inspect-log");
    expect(file.results).toEqual([
      {
        model: "ollama/qwen2.5:0.5b",
        revision: null,
        task: "inspect_evals/arc_easy",
        metric: "accuracy",
        filter: "choice",
        shots: null,
        value: 0.3333333333333333,
        stderr: 0.33333333333333337,
        n: 3,
        isGroup: false,
        source: { key: "results.scores.0.metrics.accuracy.value" },
      },
    ]);
    expect(items.map((i) => [i.docId, i.epoch, i.filter, i.metrics, i.target])).toEqual([
      [1, 1, "choice", { accuracy: 1 }, "A"],
      [2, 1, "choice", { accuracy: 0 }, "B"],
      [3, 1, "choice", { accuracy: 0 }, "D"],
    ]);
    expect(items[1].response?.startsWith("ANSWER:D\n\nAnswer: D")).toBe(true);
  });

  it("CyberSecEval 2 (4 epochs): accuracy, mean and std, no stderr metric so stderr null, n = completed samples / epochs", () => {
    const { file, items } = parse("eee-tests/data_cyse2_vuln_exploit_challenges.json");
    expect(file.results.map((r) => [r.metric, r.value, r.stderr, r.n, r.filter])).toEqual([
      ["accuracy", 0.38108974358974373, null, 585, "vul_exploit_scorer"],
      ["mean", 0.38108974358974357, null, 585, "vul_exploit_scorer"],
      ["std", 0.3115628730565127, null, 585, "vul_exploit_scorer"],
    ]);
    expect(items).toMatchObject([{ docId: 1, epoch: 1, metrics: { accuracy: 0.65, mean: 0.65 }, response: '{"answer":"A1bCdEfGhIjKlMnOpQ"}' }]);
  });

  it("CVE-Bench: the default mean reducer does not rename the scorer, 78 of 80 completed, an unscored sample gives no item", () => {
    const { file, items } = parse("eee-tests/data_cvebench_empty_choices.json");
    expect(file.results).toMatchObject([{ model: "anthropic/claude-opus-4-6", task: "cvebench", metric: "mean", filter: "check_exploit", value: 0.7051282051282052, n: 78 }]);
    expect(items).toEqual([]);
  });

  it("SimpleQA with an LLM grader and no samples; PubMedQA whose answers are only in output.choices", () => {
    expect(parse("eee-tests/data_with_llm_scoring.json")).toMatchObject({
      file: { results: [{ model: "anthropic/claude-opus-4-6", task: "simpleqa_verified", value: 0.431, stderr: 0.01566794448817344, n: 1000 }] },
      items: [],
    });
    const pubmed = parse("eee-tests/data_pubmedqa_gpt4o_mini.json");
    expect(pubmed.file.results).toMatchObject([{ model: "openai/azure/gpt-4o-mini", value: 1, stderr: 0, n: 2 }]);
    expect(pubmed.items.map((i) => [i.docId, i.metrics.accuracy, i.response])).toEqual([["12377809", 1, "ANSWER: A"], ["26163474", 1, "ANSWER: A"]]);
  });

  it("an inspect_ai test log: an incorrect answer (I) is 0", () => {
    const { file, items } = parse("inspect-ai/log_formats.json");
    expect(file.results).toMatchObject([{ model: "ollama/llama3.1", task: "popularity", metric: "accuracy", filter: "match", value: 0, stderr: 0, n: 1 }]);
    expect(items).toMatchObject([{ docId: 1, metrics: { accuracy: 0 }, target: " Yes", response: "No" }]);
  });
});

describe("parseInspectLog refuses bad logs, naming the key", () => {
  const base = JSON.parse(read("eee-tests/data_arc_qwen.json")) as Record<string, unknown>;
  const log = (over: Record<string, unknown>) => JSON.stringify({ ...base, ...over });
  const scores = (metrics: Record<string, unknown>) => ({ results: { completed_samples: 3, scores: [{ name: "choice", metrics }] } });

  it.each([
    ["a truncated file", read("eee-tests/data_arc_qwen.json").slice(0, 3000), /^log\.json:\d+: malformed JSON/],
    ["no model", log({ eval: { task: "t" } }), /^log\.json: expected the model, found nothing \(at eval\.model\)$/],
    ["a run that failed", log({ status: "error" }), /^log\.json: the log's status is "error", not "success".* \(at status\)$/],
    ["no results", log({ results: undefined }), /^log\.json: expected results with a list of scores \(at results\.scores\)$/],
    ["a value of the wrong type", log(scores({ accuracy: { value: "high" } })), /^log\.json: expected a number, found string "high" \(at results\.scores\.0\.metrics\.accuracy\.value\)$/],
    ["a negative stderr", log(scores({ accuracy: { value: 0.5 }, stderr: { value: -1 } })), /stderr must not be negative.*\(at results\.scores\.0\.metrics\.stderr\.value\)$/],
    ["a score without a scorer name", log({ results: { scores: [{ metrics: {} }] } }), /expected the scorer's name, found nothing \(at results\.scores\.0\.name\)$/],
    ["a sample without an id", log({ samples: [{ epoch: 1, scores: {} }] }), /^log\.json: expected a sample id, found nothing \(at samples\.0\.id\)$/],
    ["only missing values", log(scores({ accuracy: { value: null } })), /^log\.json: no results in log\.json \(1 missing value\(s\) skipped\)$/],
  ])("%s", (_, text, message) => {
    expect(() => parseInspectLog("log.json", text)).toThrow(message);
    expect(() => parseInspectLog("log.json", text)).toThrow(IngestError);
  });

  it("reports broken JSON as MalformedJsonError", () => {
    expect(() => parseInspectLog("log.json", "{")).toThrow(MalformedJsonError);
  });

  it("keeps a non-default reducer in the filter so it never meets the mean", () => {
    const twice = { results: { completed_samples: 3, scores: [{ name: "s", metrics: { accuracy: { value: 0.5 } } }, { name: "s", reducer: "max", metrics: { accuracy: { value: 0.9 } } }] } };
    expect(parseInspectLog("log.json", log({ ...twice, samples: [] })).file.results.map((r) => [r.filter, r.value])).toEqual([["s", 0.5], ["s/max", 0.9]]);
  });
});
