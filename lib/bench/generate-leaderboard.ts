import { createRandom } from "@/lib/emergence/random";

/** A base ladder of a leaderboard dump: one hub id per size, each with the parameter count its file states. */
export type Ladder = { family: string; models: Array<{ name: string; parameters: number }> };

/** Pythia (the registry's exact counts), Qwen2.5 (not in the registry: its ladder is inferred) and SmolLM. */
export const BASE_LADDERS: Ladder[] = [
  {
    family: "Pythia",
    models: ([["70m", 70_426_624], ["160m", 162_322_944], ["410m", 405_334_016], ["1b", 1_011_781_632], ["1.4b", 1_414_647_808],
      ["2.8b", 2_775_208_960], ["6.9b", 6_857_302_016], ["12b", 11_846_072_320]] as const).map(([s, n]) => ({ name: `EleutherAI/pythia-${s}`, parameters: n })),
  },
  {
    family: "Qwen/Qwen2.5-*",
    models: ([["0.5B", 494_032_768], ["1.5B", 1_543_714_304], ["3B", 3_085_938_688], ["7B", 7_615_616_512], ["14B", 14_770_033_664],
      ["32B", 32_763_876_352], ["72B", 72_706_203_648]] as const).map(([s, n]) => ({ name: `Qwen/Qwen2.5-${s}`, parameters: n })),
  },
  {
    family: "SmolLM",
    models: ([["135M", 135_000_000], ["360M", 360_000_000], ["1.7B", 1_700_000_000]] as const).map(([s, n]) => ({ name: `HuggingFaceTB/SmolLM-${s}`, parameters: n })),
  },
];

/** The Open LLM Leaderboard v2 tasks, each scored as its harness config scores it. */
const TASKS: Array<{ task: string; metric: string; shots: number }> = [
  { task: "leaderboard_ifeval", metric: "prompt_level_strict_acc", shots: 0 },
  { task: "leaderboard_bbh", metric: "acc_norm", shots: 3 },
  { task: "leaderboard_math_hard", metric: "exact_match", shots: 4 },
  { task: "leaderboard_gpqa", metric: "acc_norm", shots: 0 },
  { task: "leaderboard_musr", metric: "acc_norm", shots: 0 },
  { task: "leaderboard_mmlu_pro", metric: "acc", shots: 5 },
];
const SUFFIXES = ["sft", "dpo", "instruct", "slerp-merge", "ties-merge", "v2", "lora", "chat", "orpo", "abliterated"];

export type LeaderboardFile = { path: string; text: string };

/** One lm-eval v0.4 results file as a leaderboard run writes it (folder named after the model). */
function resultsFile(model: string, parameters: number | null, score: (task: number) => number): LeaderboardFile {
  const results: Record<string, Record<string, number | string>> = {};
  const nShot: Record<string, number> = {};
  TASKS.forEach(({ task, metric, shots }, i) => {
    const value = score(i);
    results[task] = { alias: task, [`${metric},none`]: value, [`${metric}_stderr,none`]: Math.sqrt((value * (1 - value)) / 1000) };
    nShot[task] = shots;
  });
  // what a real harness file carries beside the scores (task configs), so a folder weighs what a real dump does (~8 kB a file)
  const configs = Object.fromEntries(TASKS.map(({ task, metric, shots }) => [task, {
    task, dataset_path: `open-llm-leaderboard/${task}`, output_type: "multiple_choice", num_fewshot: shots, fewshot_split: "train",
    metric_list: [{ metric, aggregation: "mean", higher_is_better: true }],
    doc_to_text: "{{question}}\nAnswer:".repeat(8), description: `The following are questions for ${task}. `.repeat(12),
    metadata: { version: 1.0 },
  }]));
  const doc = {
    results,
    configs,
    "n-shot": nShot,
    "n-samples": Object.fromEntries(TASKS.map(({ task }) => [task, { original: 1000, effective: 1000 }])),
    config: { model: "hf", model_args: `pretrained=${model},dtype=bfloat16`, ...(parameters === null ? {} : { model_num_parameters: parameters }) },
    lm_eval_version: "0.4.5",
    model_name: model,
  };
  return { path: `${model.replace("/", "__")}/results_2024-06-01T00-00-00.000000.json`, text: JSON.stringify(doc, null, 1) };
}

/**
 * A leaderboard folder of `files` result files, seeded: the base ladders (one
 * file per size, scores rising with size) among fine-tunes and merges of their
 * models by other owners, named with a suffix (never joining a ladder), some
 * without a stated size. Every file holds one score per task.
 */
export function generateLeaderboard(opts: { files: number; seed: number }): LeaderboardFile[] {
  const random = createRandom(opts.seed).uniform;
  const base = BASE_LADDERS.flatMap((l) => l.models);
  const out: LeaderboardFile[] = [];
  for (const { name, parameters } of base.slice(0, opts.files)) {
    const level = Math.log10(parameters) / 12;
    out.push(resultsFile(name, parameters, () => Math.min(0.95, Math.max(0.05, level + random() * 0.1))));
  }
  for (let i = out.length; i < opts.files; i++) {
    const parent = base[Math.floor(random() * base.length)];
    const owner = `user${Math.floor(random() * 2_000)}`;
    const suffix = SUFFIXES[Math.floor(random() * SUFFIXES.length)];
    const name = `${owner}/${parent.name.split("/")[1]}-${suffix}-${i}`;
    const stated = random() < 0.8 ? parent.parameters : null;
    out.push(resultsFile(name, stated, () => 0.05 + random() * 0.85));
  }
  return out;
}

/** How many results the folder holds: one per task per file. */
export const LEADERBOARD_RESULTS_PER_FILE = TASKS.length;
