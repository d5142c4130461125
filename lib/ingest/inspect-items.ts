import type { ParsedItem } from "@/lib/schemas/parsed-items";
import { IngestError } from "./ingest-error";
import { toItemText, toItemValue } from "./item-value";
import { describe } from "./json-number";
import { isJsonObject, type JsonObject, type JsonValue } from "./parse-json-lenient";
import { toParsedItem } from "./validate-parsed-item";

/** Inspect's letter grades (CORRECT, INCORRECT, PARTIAL, NOANSWER) as its value_to_float reads them. */
const GRADES: Record<string, number> = { C: 1, I: 0, P: 0.5, N: 0 };
/** Inspect metrics that are the mean of the per-sample values (the ones a stderr belongs to). */
export const MEAN_METRICS = new Set(["accuracy", "mean"]);

/** How items are named for one log: its task, and per scorer the mean-type metrics its sample values average to. */
export type InspectItemContext = { task: string; meanMetrics: Map<string, string[]> };

/** The context from a log's `eval.task` and `results.scores[]`. */
export function toInspectItemContext(task: string, results: JsonValue | undefined): InspectItemContext {
  const meanMetrics = new Map<string, string[]>();
  const scores = isJsonObject(results) && Array.isArray(results.scores) ? results.scores : [];
  for (const score of scores) {
    if (!isJsonObject(score) || typeof score.name !== "string" || !isJsonObject(score.metrics)) continue;
    const names = Object.keys(score.metrics).filter((m) => MEAN_METRICS.has(m));
    meanMetrics.set(score.name, [...new Set([...(meanMetrics.get(score.name) ?? []), ...names])]);
  }
  return { task, meanMetrics };
}

function toSampleValue(fileName: string, raw: JsonValue | undefined, key: string): number | null {
  if (typeof raw === "string") return Object.hasOwn(GRADES, raw) ? GRADES[raw] : null;
  return toItemValue(fileName, raw, { key });
}

function readResponse(output: JsonValue | undefined): string | null {
  if (!isJsonObject(output)) return null;
  if (typeof output.completion === "string") return output.completion;
  const first = Array.isArray(output.choices) ? output.choices[0] : undefined;
  const message = isJsonObject(first) ? first.message : undefined;
  return isJsonObject(message) && typeof message.content === "string" ? message.content : null;
}

/**
 * One Inspect sample as items, one per scorer (the scorer is the filter, as for
 * the log's results): its value (C/I/P/N grades read as Inspect does: 1, 0,
 * 0.5, 0) under each mean-type metric the scorer reports (accuracy, mean), or
 * under "value" when it reports none. A sample without scores gives no item.
 */
export function toInspectItems(fileName: string, context: InspectItemContext, sample: JsonValue, key: string): ParsedItem[] {
  if (!isJsonObject(sample)) throw new IngestError(fileName, `expected a sample, found ${describe(sample)}`, { key });
  const id = sample.id;
  if (typeof id !== "string" && typeof id !== "number") throw new IngestError(fileName, `expected a sample id, found ${describe(id)}`, { key: `${key}.id` });
  const epoch = sample.epoch ?? null;
  if (epoch !== null && (typeof epoch !== "number" || !Number.isInteger(epoch) || epoch < 1)) {
    throw new IngestError(fileName, `expected an epoch of 1 or more, found ${describe(epoch)}`, { key: `${key}.epoch` });
  }
  const scores: JsonObject = isJsonObject(sample.scores) ? sample.scores : {};
  const target = toItemText(sample.target);
  const response = readResponse(sample.output);
  return Object.entries(scores).map(([scorer, score]) => {
    const at = `${key}.scores.${scorer}`;
    if (!isJsonObject(score)) throw new IngestError(fileName, `expected a score, found ${describe(score)}`, { key: at });
    const value = toSampleValue(fileName, score.value, `${at}.value`);
    const names = context.meanMetrics.get(scorer) ?? [];
    const metrics = Object.fromEntries((names.length > 0 ? names : ["value"]).map((m) => [m, value]));
    return toParsedItem(fileName, { task: context.task, docId: id, docHash: null, epoch, filter: scorer, metrics, target, response, source: { key } });
  });
}

/** A JSON log's `samples[]` as items. */
export function readInspectItems(fileName: string, doc: JsonObject, samples: JsonValue): ParsedItem[] {
  if (!Array.isArray(samples)) throw new IngestError(fileName, `expected a list of samples, found ${describe(samples)}`, { key: "samples" });
  const task = isJsonObject(doc.eval) && typeof doc.eval.task === "string" ? doc.eval.task : "";
  const context = toInspectItemContext(task, doc.results);
  return samples.flatMap((sample, i) => toInspectItems(fileName, context, sample, `samples.${i}`));
}
