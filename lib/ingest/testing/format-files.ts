import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { buildZip } from "./zip-archives";

// Files of every format made unique per test (a task or model name no other
// test uses), from the real fixtures where a format is hard to write by hand.

const FIXTURES = path.resolve(import.meta.dirname, "../__fixtures__");
export const SAMPLES_DATE = "2026-01-21T03-44-18.458309";

/** An lm-eval v0.4 results file for one model and task, and the samples file beside it (one line per value). */
export function lmEvalRun(model: string, task: string, values: number[], shots = 5): { results: string; samples: string; resultsName: string; samplesName: string } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const results = JSON.stringify({
    results: { [task]: { alias: task, "exact_match,none": mean, "exact_match_stderr,none": 0.1 } },
    "n-shot": { [task]: shots },
    "n-samples": { [task]: { original: values.length, effective: values.length } },
    config: { model_args: `pretrained=${model},revision=main` },
    lm_eval_version: "0.4.9",
  });
  const lines = values.map((v, i) =>
    JSON.stringify({ doc_id: i, doc_hash: `h${i}`, target: `t${i}`, filtered_resps: [`answer ${i}`], task_name: task, filter: "none", metrics: ["exact_match"], exact_match: v }),
  );
  return { results, samples: lines.join("\n") + "\n", resultsName: `results_${SAMPLES_DATE}.json`, samplesName: `samples_${task}_${SAMPLES_DATE}.jsonl` };
}

/** The real Inspect `.eval` log_read_sample.eval with its task renamed. */
export function inspectEval(task: string): Uint8Array {
  const entries = unzipSync(readFileSync(path.join(FIXTURES, "inspect/inspect-ai/log_read_sample.eval")));
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(entries)) files[name] = strFromU8(data);
  const header = JSON.parse(files["header.json"]);
  header.eval.task = task;
  files["header.json"] = JSON.stringify(header);
  return buildZip(files);
}

/** A copy of the real HELM run (GPT-2 on MMLU philosophy, with per-instance stats) under `dir`, its run renamed to `task`. */
export function helmRun(dir: string, task: string): string {
  const folder = path.join(dir, `${task}-run`);
  cpSync(path.join(FIXTURES, "helm/mmlu-subject=philosophy,method=multiple_choice_joint,model=openai_gpt2"), folder, { recursive: true });
  const specFile = path.join(folder, "run_spec.json");
  const spec = JSON.parse(readFileSync(specFile, "utf8"));
  spec.name = `${task}:model=openai_gpt2`;
  writeFileSync(specFile, JSON.stringify(spec));
  return folder;
}
