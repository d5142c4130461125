import { type ParsedFile } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";
import { toCheckedFile } from "./check-parsed-file";
import { toJsonNumber, toStderr } from "./json-number";
import { parseModelArgs } from "./model-args";
import { isJsonObject, parseJsonLenient, type JsonObject, type JsonValue } from "./parse-json-lenient";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";

/**
 * lm-eval `--model` values that name a backend, not a model. When model_args
 * has no `pretrained=`, v0.3 silently loads its default ("gpt2"); we refuse to
 * guess and report the identity as missing instead.
 */
export const HARNESS_BACKENDS = new Set([
  "hf", "hf-causal", "hf-causal-experimental", "hf-seq2seq", "hf-auto", "huggingface",
  "gpt2", "gpt3", "openai", "openai-completions", "openai-chat-completions", "local-completions",
  "local-chat-completions", "anthropic", "textsynth", "vllm", "ggml", "gguf", "dummy", "mamba_ssm",
]);

/**
 * lm-evaluation-harness v0.3 results: `results` task → {acc, acc_stderr, ...};
 * the model and checkpoint live only in `config.model_args`. Every key without
 * `_stderr` is a metric; its stderr is `<metric>_stderr`. No filters, no n.
 */
export function parseLmEvalV03(fileName: string, text: string): ParsedFile {
  return parseLmEvalV03Doc(fileName, parseJsonLenient(fileName, text));
}

/** The same, from the document already read (an upload parses its body once). */
export function parseLmEvalV03Doc(fileName: string, doc: JsonValue, opts: ParseOptions = {}): ParsedFile {
  if (!isJsonObject(doc)) throw new IngestError(fileName, "expected a JSON object at the top level");
  const results = doc.results;
  if (!isJsonObject(results)) throw new IngestError(fileName, "expected an object", { key: "results" });
  const config = isJsonObject(doc.config) ? doc.config : {};
  const { model, revision } = readIdentity(fileName, config);
  const shots = readShots(fileName, config.num_fewshot, "config.num_fewshot");

  const collector = new ResultCollector(fileName, opts.maxRows);
  for (const [task, metrics] of Object.entries(results)) {
    if (!isJsonObject(metrics)) throw new IngestError(fileName, "expected an object of metrics", { key: `results.${task}` });
    for (const [metric, raw] of Object.entries(metrics)) {
      if (metric.endsWith("_stderr")) continue;
      const key = `results.${task}.${metric}`;
      const read = toJsonNumber(fileName, raw, key);
      if (read.kind === "missing") {
        collector.skipMissing();
        continue;
      }
      collector.add({
        model,
        revision,
        task,
        metric,
        filter: "none",
        shots,
        value: read.value,
        stderr: toStderr(fileName, metrics[`${metric}_stderr`], `${key}_stderr`),
        n: null,
        source: { key },
      });
    }
  }
  return toCheckedFile(fileName, {
    format: "lm-eval-v0.3",
    results: collector.results,
    modelFacts: [],
    directions: [],
    missingValues: collector.missingValues,
  });
}

function readIdentity(fileName: string, config: JsonObject): { model: string; revision: string | null } {
  const fromArgs = parseModelArgs(config.model_args);
  if (fromArgs.model !== null) return { model: fromArgs.model, revision: fromArgs.revision };
  const backend = typeof config.model === "string" ? config.model.trim() : "";
  if (backend !== "" && !HARNESS_BACKENDS.has(backend)) return { model: backend, revision: fromArgs.revision };
  throw new IngestError(fileName, "missing model identity: no pretrained= in model_args", {
    key: "config.model_args",
  });
}

/** Shots: a non-negative integer, or null when the file does not say. */
export function readShots(fileName: string, value: JsonValue | undefined, key: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  throw new IngestError(fileName, `expected a non-negative integer number of shots, found ${JSON.stringify(value)}`, {
    key,
  });
}
