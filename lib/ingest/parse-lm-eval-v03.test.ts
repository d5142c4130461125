import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLmEvalV03 } from "./parse-lm-eval-v03";

const PYTHIA = path.resolve(import.meta.dirname, "../../data/demo/pythia/evals/pythia-v1");
const read = (rel: string) => parseLmEvalV03(rel, readFileSync(path.join(PYTHIA, rel), "utf8"));

describe("parseLmEvalV03 on the Pythia files", () => {
  it("reads pythia-1.4b zero-shot step93000", () => {
    const parsed = read("pythia-1.4b/zero-shot/1.4b_step93000.json");
    expect(parsed.format).toBe("lm-eval-v0.3");
    expect(new Set(parsed.results.map((r) => r.task)).size).toBe(87);
    const arc = parsed.results.find((r) => r.task === "arc_easy" && r.metric === "acc");
    expect(arc).toEqual({
      model: "EleutherAI/pythia-v1.1-1.4b",
      revision: "step93000",
      task: "arc_easy",
      metric: "acc",
      filter: "none",
      shots: 0,
      value: 0.5942760942760943,
      stderr: 0.010075755540128873,
      n: null,
      isGroup: false,
      source: { key: "results.arc_easy.acc" },
    });
    expect(parsed.results.filter((r) => r.task === "lambada_openai").map((r) => r.metric).sort()).toEqual(["acc", "ppl"]);
    expect(parsed.results.some((r) => r.metric.endsWith("_stderr"))).toBe(false);
    expect(parsed.missingValues).toBe(0);
    expect(parsed.modelFacts).toEqual([]);
  });

  it("reads five-shot files as shots 5 with 65 tasks", () => {
    const parsed = read("pythia-1b-bf16/five-shot/1b-5shot_step143000.json");
    expect(new Set(parsed.results.map((r) => r.task)).size).toBe(65);
    expect(new Set(parsed.results.map((r) => r.shots))).toEqual(new Set([5]));
    expect(parsed.results[0].model).toBe("EleutherAI/pythia-v1.1-1b-bf16");
  });

  it("ignores extra model_args such as use_accelerate", () => {
    const parsed = read("pythia-6.9b/five-shot/6.9b-5shot_step143000.json");
    expect(parsed.results[0]).toMatchObject({ model: "EleutherAI/pythia-v1.1-6.9b", revision: "step143000" });
  });

  it("treats NaN and a N/A stderr as missing, and falls back to a non-generic config.model", () => {
    const text = JSON.stringify({
      results: { t: { acc: 0.5, acc_stderr: "N/A", ppl: "@NaN@", f1: 0.2 } },
      versions: { t: 0 },
      config: { model: "/ckpt/my-model", model_args: "", num_fewshot: 3 },
    }).replace('"@NaN@"', "NaN");
    const parsed = parseLmEvalV03("x.json", text);
    expect(parsed.missingValues).toBe(1);
    expect(parsed.results.map((r) => [r.model, r.metric, r.stderr, r.shots])).toEqual([
      ["/ckpt/my-model", "acc", null, 3],
      ["/ckpt/my-model", "f1", null, 3],
    ]);
  });
});
