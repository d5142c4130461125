import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError, MalformedJsonError } from "./ingest-error";
import { isHelmRunFolder, parseHelmRun, type HelmRunFiles } from "./parse-helm-run";

const ROOT = path.join(import.meta.dirname, "__fixtures__", "helm");
const HELLASWAG = "commonsense-dataset=hellaswag,method=multiple_choice_joint,model=eleutherai_pythia-1b-v0";
const MMLU = "mmlu-subject=philosophy,method=multiple_choice_joint,model=openai_gpt2";
const NARRATIVE = "narrative_qa-model=openai_gpt2";

function folder(name: string): HelmRunFiles {
  const read = (file: string) => readFileSync(path.join(ROOT, name, file), "utf8");
  return { "run_spec.json": read("run_spec.json"), "stats.json": read("stats.json"), "per_instance_stats.json": read("per_instance_stats.json") };
}

describe("parseHelmRun on real HELM run folders", () => {
  it("HellaSwag (Pythia-1B-v0): the valid split, model from adapter_spec, shots, n from num_instances", () => {
    const { file, items } = parseHelmRun(HELLASWAG, folder(HELLASWAG));
    const main = file.results.filter((r) => r.filter === "none");
    expect(file.format).toBe("helm-run");
    expect(main.find((r) => r.metric === "exact_match")).toEqual({
      model: "eleutherai/pythia-1b-v0",
      revision: null,
      task: "commonsense:dataset=hellaswag,method=multiple_choice_joint",
      metric: "exact_match",
      filter: "none",
      shots: 5,
      value: 0.3,
      stderr: null,
      n: 10,
      isGroup: false,
      source: { key: "stats.json.16" },
    });
    expect(main.map((r) => r.metric).sort()).toEqual([
      "bits_per_byte", "exact_match", "exact_match@5", "logprob", "logprob_per_byte", "max_prob", "perplexity", "prefix_exact_match",
      "prefix_exact_match@5", "quasi_exact_match", "quasi_exact_match@5", "quasi_prefix_exact_match", "quasi_prefix_exact_match@5",
    ]);
    // 10 instances, 3 answered correctly: the items add up to the run's score
    expect(items).toHaveLength(10);
    expect(items.filter((i) => i.metrics.exact_match === 1).map((i) => i.docId)).toEqual(["id45277", "id41992", "id44284"]);
    expect(items[0]).toMatchObject({ task: main[0].task, docId: "id44874", epoch: 1, filter: "none", target: null, response: null });
  });

  it("keeps robustness and fairness variants apart under their own filter, never in the main score", () => {
    const { file } = parseHelmRun(HELLASWAG, folder(HELLASWAG));
    expect([...new Set(file.results.map((r) => r.filter))].sort()).toEqual([
      "none", "perturbation=fairness,computed_on=worst", "perturbation=robustness,computed_on=worst",
    ]);
    expect(file.results.filter((r) => r.metric === "exact_match").map((r) => [r.filter, r.value])).toEqual([
      ["none", 0.3],
      ["perturbation=robustness,computed_on=worst", 0.3],
      ["perturbation=fairness,computed_on=worst", 0.3],
    ]);
    expect(file.results).toHaveLength(33);
    expect(file.results.some((r) => ["inference_runtime", "num_instances", "batch_size"].includes(r.metric))).toBe(false);
  });

  it("MMLU philosophy (GPT-2): the test split is the main one, its valid scores are not read", () => {
    const { file, items } = parseHelmRun(MMLU, folder(MMLU));
    expect(file.results.find((r) => r.metric === "exact_match" && r.filter === "none")).toMatchObject({
      model: "openai/gpt2", task: "mmlu:subject=philosophy,method=multiple_choice_joint", value: 0.1111111111111111, n: 9, shots: 5,
    });
    expect(items.map((i) => i.docId)).not.toContain("id11");
    expect(items).toHaveLength(9);
    expect(items.find((i) => i.docId === "id222")?.metrics.exact_match).toBe(1);
  });

  it("NarrativeQA (GPT-2): generation metrics, and nltk's BLEU floor (1.1e-308) read as 0", () => {
    const { file, items } = parseHelmRun(NARRATIVE, folder(NARRATIVE));
    const main = (metric: string) => file.results.find((r) => r.metric === metric && r.filter === "none");
    expect(main("f1_score")).toMatchObject({ task: "narrative_qa", value: 0.17424242424242425, n: 4 });
    expect(main("rouge_l")?.value).toBe(0.05365510777881912);
    expect(main("bleu_1")?.value).toBe(0.03568840579710145);
    expect(main("bleu_4")?.value).toBe(0);
    expect(items.map((i) => i.metrics.f1_score)).toEqual([0, 0.3333333333333333, 0, 0.36363636363636365]);
  });

  it("recognises a run folder by its files", () => {
    expect(isHelmRunFolder(["run_spec.json", "stats.json", "scenario.json"])).toBe(true);
    expect(isHelmRunFolder(["stats.json"])).toBe(false);
  });
});

describe("parseHelmRun refuses bad folders, naming file and key", () => {
  const base = folder(HELLASWAG);
  const spec = JSON.parse(base["run_spec.json"]!) as Record<string, unknown>;
  const stats = JSON.parse(base["stats.json"]!) as Array<Record<string, unknown>>;
  const withStats = (entries: unknown[]) => ({ ...base, "stats.json": JSON.stringify(entries) });

  it.each([
    ["no run_spec.json", { "stats.json": base["stats.json"] }, /^run: a HELM run folder needs run_spec\.json$/],
    ["no stats.json", { "run_spec.json": base["run_spec.json"] }, /^run: a HELM run folder needs stats\.json$/],
    ["a run spec without a model", { ...base, "run_spec.json": JSON.stringify({ ...spec, adapter_spec: { method: "x" } }) }, /^run\/run_spec\.json: expected the model, found nothing \(at adapter_spec\.model\)$/],
    ["a truncated stats.json", { ...base, "stats.json": base["stats.json"]!.slice(0, 5000) }, /^run\/stats\.json:\d+: malformed JSON/],
    ["stats that are not a list", withStats({ exact_match: 1 } as never), /^run\/stats\.json: expected a list of stats, found an object \(at stats\.json\)$/],
    ["a count of the wrong type", withStats([{ ...stats[16], count: "1" }]), /^run\/stats\.json: expected a count of 0 or more, found string "1" \(at stats\.json\.0\.count\)$/],
    ["a mean of the wrong type", withStats([{ ...stats[16], mean: "0.3" }]), /^run\/stats\.json: expected a number, found string "0\.3" \(at stats\.json\.0\.mean\)$/],
    ["only a train split", withStats([{ ...stats[16], name: { name: "exact_match", split: "train" } }]), /^run\/stats\.json: no test or valid split in stats\.json \(found train\)$/],
    ["bookkeeping only", withStats(stats.filter((s) => (s.name as { name: string }).name === "num_instances")), /^run: no results in run$/],
    ["a malformed per-instance entry", { ...base, "per_instance_stats.json": '[{"instance_id": 7, "stats": []}]' }, /^run\/per_instance_stats\.json: expected an instance id, found number 7 \(at per_instance_stats\.json\.0\.instance_id\)$/],
  ])("%s", (_, files, message) => {
    expect(() => parseHelmRun("run", files)).toThrow(message);
    expect(() => parseHelmRun("run", files)).toThrow(IngestError);
  });

  it("reports broken JSON as MalformedJsonError (a 400 upload, not a content problem)", () => {
    expect(() => parseHelmRun("run", { ...base, "run_spec.json": "{" })).toThrow(MalformedJsonError);
  });
});
