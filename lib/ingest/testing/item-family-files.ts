import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRandom } from "@/lib/emergence/random";
import { SAMPLES_DATE } from "./format-files";

/** Target length in tokens: an answer with w wrong tokens is w / 8 from its target under token edit distance. */
const TARGET_TOKENS = 8;

export type PlantedFamilyOptions = {
  /** one model name per size, smallest first (as model_args pretrained= names it) */
  models: string[];
  task: string;
  items: number;
  /** items 0 … planted−1: wrong below size index flipAt, exactly right from it on */
  planted: number;
  flipAt: number;
  /** the next `worse` items: right at the two smallest sizes, wrong after */
  worse: number;
  seed?: number;
};

/**
 * How many target tokens model `s` gets wrong on item `i`: every item has a
 * difficulty d (planted items d = flipAt; the rest seeded in 0 … sizes + 1) and a
 * model of size index s misses max(0, d − s) of its tokens, so the answers approach
 * their targets steadily with size and are exact from size d on. Items worse with
 * scale are exact at the two smallest sizes and miss 4 tokens after.
 */
export function plantedWrongTokens(options: PlantedFamilyOptions): number[][] {
  const random = createRandom(options.seed ?? 11);
  const sizes = options.models.length;
  return Array.from({ length: options.items }, (_, i) => {
    if (i >= options.planted && i < options.planted + options.worse) return options.models.map((_, s) => (s < 2 ? 0 : 4));
    const difficulty = i < options.planted ? options.flipAt : Math.floor(random.uniform() * (sizes + 2));
    return options.models.map((_, s) => Math.min(TARGET_TOKENS, Math.max(0, difficulty - s)));
  });
}

const targetOf = (i: number) => Array.from({ length: TARGET_TOKENS }, (_, k) => `w${i}x${k}`).join(" ");
/** A model's answer: its wrong tokens are its own (no two models write the same samples file, as in real runs). */
const answerOf = (i: number, wrong: number, size: number) =>
  Array.from({ length: TARGET_TOKENS }, (_, k) => (k < wrong ? `m${size}no${k}` : `w${i}x${k}`)).join(" ");

/**
 * A family's lm-evaluation-harness 0.4 output for one task: per model a folder with
 * `results_<date>.json` (exact_match and its binomial stderr, as lm-eval writes them)
 * and `samples_<task>_<date>.jsonl` (one line per item: doc_id, doc_hash, target,
 * filtered_resps, exact_match). Written under `dir`; returns the folders and each
 * model's exact-match accuracy as reported.
 */
export function writePlantedFamily(dir: string, options: PlantedFamilyOptions): { folders: string[]; reported: number[]; wrong: number[][] } {
  const wrong = plantedWrongTokens(options);
  const folders: string[] = [];
  const reported: number[] = [];
  options.models.forEach((model, s) => {
    const folder = path.join(dir, model.replace(/[^\w.-]+/g, "__"));
    mkdirSync(folder, { recursive: true });
    const exact = wrong.map((w) => (w[s] === 0 ? 1 : 0));
    const mean = exact.reduce((a: number, b) => a + b, 0) / exact.length;
    reported.push(mean);
    writeFileSync(path.join(folder, `results_${SAMPLES_DATE}.json`), JSON.stringify({
      results: { [options.task]: { alias: options.task, "exact_match,none": mean, "exact_match_stderr,none": Math.sqrt((mean * (1 - mean)) / (exact.length - 1)) } },
      configs: { [options.task]: { task: options.task, num_fewshot: 0, output_type: "generate_until", metric_list: [{ metric: "exact_match", aggregation: "mean", higher_is_better: true }] } },
      "n-shot": { [options.task]: 0 },
      higher_is_better: { [options.task]: { exact_match: true } },
      "n-samples": { [options.task]: { original: exact.length, effective: exact.length } },
      config: { model: "hf", model_args: `pretrained=${model},revision=main` },
      lm_eval_version: "0.4.9",
    }));
    const lines = wrong.map((w, i) => JSON.stringify({
      doc_id: i, doc: { question: `${options.task} item ${i}` }, target: targetOf(i), resps: [[answerOf(i, w[s], s)]], filtered_resps: [answerOf(i, w[s], s)],
      filter: "none", metrics: ["exact_match"], doc_hash: `d${i}`, exact_match: exact[i],
    }));
    writeFileSync(path.join(folder, `samples_${options.task}_${SAMPLES_DATE}.jsonl`), lines.join("\n") + "\n");
    folders.push(folder);
  });
  return { folders, reported, wrong };
}
