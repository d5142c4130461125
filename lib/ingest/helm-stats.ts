import { VALUE_LIMITS } from "@/lib/schemas/number-limits";
import { IngestError } from "./ingest-error";
import { describe, toJsonNumber, type JsonNumber } from "./json-number";
import { isJsonObject, type JsonObject, type JsonValue } from "./parse-json-lenient";

/**
 * HELM stats that describe the run rather than score it (HELM's "general
 * information" and "efficiency" groups: instance and token counts, runtimes,
 * finish reasons, costs). They are not read.
 */
export const HELM_BOOKKEEPING = new Set([
  "num_instances", "num_train_instances", "num_train_trials", "num_references", "num_prompt_tokens",
  "num_completion_tokens", "num_output_tokens", "max_num_output_tokens", "num_prompt_characters",
  "num_perplexity_tokens", "num_bytes", "prompt_truncated", "batch_size", "inference_runtime",
  "inference_denoised_runtime", "inference_idealized_runtime", "training_co2_cost", "training_energy_cost",
  "finish_reason_length", "finish_reason_stop", "finish_reason_endoftext", "finish_reason_unknown",
]);

/** One stat of stats.json / per_instance_stats.json: `{name: {name, split, sub_split?, perturbation?}, count, mean, ...}`. */
export type HelmStat = { metric: string; split: string; filter: string; subSplit: boolean; count: number; mean: JsonValue | undefined };

function scalarText(value: JsonValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Where a stat sits apart from the main score, as its filter: "none" for the
 * split's own score; `perturbation=robustness,computed_on=worst` for a
 * robustness or fairness variant (every field of HELM's PerturbationDescription
 * but its two category flags, so distinct perturbations never meet); and
 * `sub_split=…` for a breakdown of the split.
 */
export function toHelmFilter(name: JsonObject, perturbation: JsonValue | undefined = name.perturbation): string {
  const parts: string[] = [];
  if (isJsonObject(perturbation)) {
    const label = typeof perturbation.name === "string" ? perturbation.name : "unnamed";
    const fields = Object.keys(perturbation)
      .filter((k) => k !== "name" && k !== "robustness" && k !== "fairness")
      .sort()
      .map((k) => `${k}=${scalarText(perturbation[k])}`);
    parts.push(`perturbation=${[label, ...fields].join(",")}`);
  }
  if (typeof name.sub_split === "string") parts.push(`sub_split=${name.sub_split}`);
  return parts.length === 0 ? "none" : parts.join(";");
}

/** Reads one stat entry, refusing a malformed one by its key. */
export function toHelmStat(fileName: string, raw: JsonValue, key: string, perturbation?: JsonValue): HelmStat {
  if (!isJsonObject(raw) || !isJsonObject(raw.name)) throw new IngestError(fileName, "expected a stat {name: {name, split}, count, mean}", { key });
  const { name } = raw;
  if (typeof name.name !== "string" || name.name === "") throw new IngestError(fileName, `expected a metric name, found ${describe(name.name)}`, { key: `${key}.name.name` });
  if (typeof name.split !== "string") throw new IngestError(fileName, `expected a split name, found ${describe(name.split)}`, { key: `${key}.name.split` });
  const count = raw.count;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
    throw new IngestError(fileName, `expected a count of 0 or more, found ${describe(count)}`, { key: `${key}.count` });
  }
  const filter = toHelmFilter(name, perturbation ?? name.perturbation);
  return { metric: name.name, split: name.split, filter, subSplit: typeof name.sub_split === "string", count, mean: raw.mean };
}

/**
 * A stat's mean. HELM averages nltk's sentence BLEU, which stands
 * sys.float_info.min (2.2e-308) in for a zero n-gram precision: a mean that
 * small is every instance at that floor or at 0, so it is read as 0 (any real
 * score would lift it far above VALUE_LIMITS.minAbs). No stat (count 0) is missing.
 */
export function toHelmMean(fileName: string, stat: HelmStat, key: string): JsonNumber {
  if (stat.count === 0) return { kind: "missing" };
  const mean = stat.mean;
  if (typeof mean === "number" && mean !== 0 && Math.abs(mean) < VALUE_LIMITS.minAbs) return { kind: "value", value: 0 };
  return toJsonNumber(fileName, mean, key);
}

/**
 * The split the run is scored on: `test` when the run has it, else `valid`
 * (HELM's main_split is test unless a scenario has no public test labels, as
 * HellaSwag, whose runs are scored on valid). Other splits are not read.
 */
export function chooseHelmSplit(fileName: string, splits: Set<string>): "test" | "valid" {
  if (splits.has("test")) return "test";
  if (splits.has("valid")) return "valid";
  throw new IngestError(fileName, `no test or valid split in stats.json (found ${[...splits].join(", ") || "none"})`);
}
