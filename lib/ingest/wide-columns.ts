export interface WideColumn {
  task: string;
  metric: string;
  shots: number | null;
}

/**
 * Named columns of the ObsScaling CSVs (ryoungj/ObsScaling, eval_results/).
 *
 * Leaderboard v1 columns follow the Open LLM Leaderboard v1 setup as documented
 * by HF (huggingface/leaderboards, docs/source/en/open_llm_leaderboard/about.md):
 * ARC 25-shot acc_norm, HellaSwag 10-shot acc_norm, MMLU 5-shot acc, TruthfulQA
 * 0-shot mc2, Winogrande 5-shot acc, GSM8K 5-shot. Checked against the numbers:
 * ARC-C × 1172, HellaSwag × 10042, Winograd × 1267, GSM8K × 1319 and
 * HumanEval × 164 are whole numbers (item counts of those test sets), so they
 * are plain accuracies on the full sets. MMLU is not a multiple of 1/14042: it
 * is the mean over the 57 subjects (as the leaderboard averaged), not a
 * micro-average. XWinograd is not a multiple of 1/2325 (en) nor 1/4449 (all six
 * languages), so probably a mean over languages; its shot count is not stated
 * in ObsScaling's files: null. HumanEval pass@1 0-shot per ObsScaling's paper
 * (arXiv 2405.10938, greedy). acc vs acc_norm for ARC/HellaSwag cannot be told
 * from the numbers; taken from the leaderboard's documented setup.
 *
 * Leaderboard v2 (HF Open LLM Leaderboard v2, lm-eval `leaderboard` group):
 * every column × its item count is a whole number for all 72 rows (bbh 5761,
 * gpqa 1192, math_hard 1324, mmlu_pro 12032, musr 756). leaderboard_ifeval is a
 * whole number of 1/834, the number of *instructions*, not of the 541 prompts:
 * so it is instruction-level accuracy, not prompt_level_strict_acc. Strict vs
 * loose cannot be told from the numbers; we use inst_level_strict_acc (the
 * leaderboard's default view) and flag it as unverified.
 */
export const WIDE_COLUMNS: Readonly<Record<string, WideColumn>> = {
  MMLU: { task: "mmlu", metric: "acc", shots: 5 },
  "ARC-C": { task: "arc_challenge", metric: "acc_norm", shots: 25 },
  HellaSwag: { task: "hellaswag", metric: "acc_norm", shots: 10 },
  Winograd: { task: "winogrande", metric: "acc", shots: 5 },
  TruthfulQA: { task: "truthfulqa_mc2", metric: "mc2", shots: 0 },
  GSM8K: { task: "gsm8k", metric: "exact_match", shots: 5 },
  XWinograd: { task: "xwinograd", metric: "acc", shots: null },
  HumanEval: { task: "humaneval", metric: "pass@1", shots: 0 },
  leaderboard_bbh: { task: "leaderboard_bbh", metric: "acc_norm", shots: 3 },
  leaderboard_gpqa: { task: "leaderboard_gpqa", metric: "acc_norm", shots: 0 },
  leaderboard_ifeval: { task: "leaderboard_ifeval", metric: "inst_level_strict_acc", shots: 0 },
  leaderboard_math_hard: { task: "leaderboard_math_hard", metric: "exact_match", shots: 4 },
  leaderboard_mmlu_pro: { task: "leaderboard_mmlu_pro", metric: "acc", shots: 5 },
  leaderboard_musr: { task: "leaderboard_musr", metric: "acc_norm", shots: 0 },
};

const isDigit = (c: string) => c >= "0" && c <= "9";
const isLetter = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z");
const isMetricChar = (c: string) => isLetter(c) || isDigit(c) || c === "_" || c === "@" || c === "." || c === "-";

/**
 * `<task>_<shots>_<metric>`: the last `_<digits>_` followed by a metric that
 * starts with a letter, as /^(.+)_(\d+)_([A-Za-z][\w@.-]*)$/ reads it, found in
 * one pass from the end (that pattern backtracks quadratically on a long header).
 */
export function splitTaskShotsMetric(name: string): WideColumn | null {
  if (/[\n\r\u2028\u2029]/.test(name)) return null;
  let metricStart = name.length;
  while (metricStart > 0 && isMetricChar(name[metricStart - 1])) metricStart--;
  for (let k = name.lastIndexOf("_"); k >= 1; k = name.lastIndexOf("_", k - 1)) {
    let p = k + 1;
    while (p < name.length && isDigit(name[p])) p++;
    if (p === k + 1 || name[p] !== "_" || p + 1 < metricStart || !isLetter(name[p + 1] ?? "")) continue;
    return { task: name.slice(0, k), metric: name.slice(p + 1), shots: Number(name.slice(k + 1, p)) };
  }
  return null;
}

/** `<task>/<metric>` or `<task>:<metric>`, shots unknown. */
const TASK_METRIC = /^([^/:]+)[/:]([^/:]+)$/;

/** Maps a wide-CSV column header to task, metric and shots; null when nothing matches. */
export function toWideColumn(header: string): WideColumn | null {
  const name = header.trim();
  if (Object.hasOwn(WIDE_COLUMNS, name)) return WIDE_COLUMNS[name];
  const withShots = splitTaskShotsMetric(name);
  if (withShots) return withShots;
  const plain = TASK_METRIC.exec(name);
  if (plain) return { task: plain[1].trim(), metric: plain[2].trim(), shots: null };
  return null;
}
