import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect-format";

describe("detectFormat", () => {
  it.each([
    ["long CSV", "model,task,metric,value\nm,t,acc,0.5\n", "csv-long"],
    ["wide CSV", "Model,MMLU\nm,0.5\n", "csv-wide"],
    ["v0.3 JSON", '{"results":{"piqa":{"acc":0.6}},"versions":{"piqa":0}}', "lm-eval-v0.3"],
    ["v0.4 JSON", '{"results":{"piqa":{"acc,none":0.6}}}', "lm-eval-v0.4"],
    ["Inspect JSON", '{"version":2,"status":"success","eval":{"task":"t","model":"m/x"},"results":{"scores":[]}}', "inspect-log"],
    ["Every Eval Ever JSON", '{"schema_version":"0.2.0","model_info":{"id":"m"},"evaluation_results":[]}', "every-eval-ever"],
    ["Every Eval Ever JSONL", '{"schema_version":"0.2.0","model_info":{"id":"m"},"evaluation_results":[]}\n{"schema_version":"0.2.0"}\n', "every-eval-ever"],
    ["OpenCompass CSV", "dataset,version,metric,mode,m1\ngsm8k,1d7fe4,accuracy,gen,50.00\n", "opencompass-csv"],
  ])("%s", (_, text, format) => {
    expect(detectFormat("f", text)).toBe(format);
  });

  it("reads only the head of a large CSV, and falls back when a quoted cell crosses the cut", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `m${i},t,acc,0.5`).join("\n");
    expect(detectFormat("big.csv", `model,task,metric,value\n${rows}\n`)).toBe("csv-long");
    const quoted = `"${"x\n".repeat(40_000)}"`;
    expect(detectFormat("q.csv", `model,task,metric,value\nm,${quoted},acc,0.5\n`)).toBe("csv-long");
  });

  it.each([
    ["samples_gsm8k_2024-06-01T12-00-00.jsonl", '{"doc_id": 0, "filtered_resps": ["4"], "exact_match": 1}\n', /^samples_gsm8k_.*:1: an lm-eval samples file holds per-item records: it is read as a stream of items/],
    ["x.jsonl", '{"doc_id": 0, "resps": [["4"]]}\n{"doc_id": 1, "resps": [["5"]]}\n', /^x\.jsonl:1: an lm-eval samples file holds per-item records/],
    ["x.jsonl", '{"other": 1}\n', /^x\.jsonl:1: unknown format: JSON Lines/],
    ["log.eval", "PK\u0003\u0004garbage", /^log\.eval: an Inspect \.eval log is a zip archive: it is read from its bytes, not as text$/],
    ["stats.json", '[{"name": {"name": "exact_match", "split": "test"}, "count": 1, "mean": 0.5}]', /^stats\.json: one file of a HELM run: a HELM run is read as its folder/],
    ["run_spec.json", '{"name": "mmlu:model=x", "adapter_spec": {"model": "x"}}', /^run_spec\.json: one file of a HELM run/],
  ])("names what %s is when it is not read as one text", (name, text, message) => {
    expect(() => detectFormat(name, text)).toThrow(message);
  });

  it("rejects empty and unknown files by name", () => {
    expect(() => detectFormat("e.csv", " \n\uFEFF ")).toThrow(/^e\.csv: empty file/);
    expect(() => detectFormat("u.csv", "a,b\n1,2\n")).toThrow(/^u\.csv:1: unknown format/);
  });
});
