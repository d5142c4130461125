import type { ParsedFile } from "@/lib/schemas/parsed-file";
import type { ParsedFileWithItems } from "@/lib/schemas/parsed-items";
import { toCheckedFile } from "./check-parsed-file";
import { MEAN_METRICS, readInspectItems } from "./inspect-items";
import { IngestError } from "./ingest-error";
import { describe, toJsonNumber, toStderr } from "./json-number";
import { isJsonObject, parseJsonLenient, type JsonObject, type JsonValue } from "./parse-json-lenient";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";

/** Inspect metrics that are the standard error of the scorer's mean, not a score of their own. */
const STDERR_METRICS = new Set(["stderr", "bootstrap_stderr"]);

/** What every Inspect log names: the task and the model (`provider/name`). */
export function readInspectEval(fileName: string, doc: JsonValue): { eval: JsonObject; task: string; model: string } {
  if (!isJsonObject(doc) || !isJsonObject(doc.eval)) throw new IngestError(fileName, "expected an Inspect log with an eval object", { key: "eval" });
  const { task, model } = doc.eval;
  if (typeof task !== "string" || task.trim() === "") throw new IngestError(fileName, `expected the task, found ${describe(task)}`, { key: "eval.task" });
  if (typeof model !== "string" || model.trim() === "") throw new IngestError(fileName, `expected the model, found ${describe(model)}`, { key: "eval.model" });
  return { eval: doc.eval, task, model };
}

/**
 * The scorer a score row belongs to, as its filter: the scorer's name, and the
 * epoch reducer when it is not Inspect's default (mean), so a pass@k or max
 * reduction never meets the mean of the same scorer.
 */
export function toScorerFilter(score: JsonObject): string | null {
  const name = typeof score.name === "string" && score.name !== "" ? score.name : null;
  const reducer = typeof score.reducer === "string" && score.reducer !== "mean" ? score.reducer : null;
  return name === null ? null : reducer === null ? name : `${name}/${reducer}`;
}

/** n = samples scored: completed_samples counts every epoch, so it is divided by the epochs (null when that is not whole). */
function readN(evalInfo: JsonObject, results: JsonObject): number | null {
  const completed = results.completed_samples;
  const config = isJsonObject(evalInfo.config) ? evalInfo.config : {};
  const epochs = typeof config.epochs === "number" && Number.isInteger(config.epochs) && config.epochs > 0 ? config.epochs : 1;
  if (typeof completed !== "number" || !Number.isInteger(completed) || completed <= 0 || completed % epochs !== 0) return null;
  return completed / epochs;
}

/**
 * An Inspect log (`inspect log dump` JSON, or the header of a `.eval`): task
 * and model from `eval`, one result per metric of `results.scores[]` under a
 * filter naming the scorer, its stderr from the scorer's `stderr` metric (for
 * the mean-type metrics it measures), n from completed_samples. A log whose
 * status is not "success" (an error, a cancelled or unfinished run) is refused:
 * its scores cover part of the run.
 */
export function parseInspectLogDoc(fileName: string, doc: JsonValue, opts: ParseOptions = {}): ParsedFile {
  const { eval: evalInfo, task, model } = readInspectEval(fileName, doc);
  const log = doc as JsonObject;
  if (log.status !== undefined && log.status !== "success") {
    throw new IngestError(fileName, `the log's status is ${JSON.stringify(log.status)}, not "success": its scores would cover part of the run`, { key: "status" });
  }
  if (!isJsonObject(log.results) || !Array.isArray(log.results.scores)) throw new IngestError(fileName, "expected results with a list of scores", { key: "results.scores" });
  const n = readN(evalInfo, log.results);
  const collector = new ResultCollector(fileName, opts.maxRows);
  log.results.scores.forEach((score, i) => {
    const where = `results.scores.${i}`;
    if (!isJsonObject(score) || !isJsonObject(score.metrics)) throw new IngestError(fileName, "expected a score with metrics", { key: where });
    const filter = toScorerFilter(score);
    if (filter === null) throw new IngestError(fileName, `expected the scorer's name, found ${describe(score.name)}`, { key: `${where}.name` });
    const metrics = score.metrics;
    const metricValue = (name: string) => (isJsonObject(metrics[name]) ? (metrics[name] as JsonObject).value : undefined);
    const stderrName = [...STDERR_METRICS].find((name) => Object.hasOwn(metrics, name));
    for (const metric of Object.keys(metrics)) {
      if (STDERR_METRICS.has(metric)) continue;
      const key = `${where}.metrics.${metric}.value`;
      const raw = metricValue(metric);
      const read = Array.isArray(raw) || isJsonObject(raw) ? ({ kind: "missing" } as const) : toJsonNumber(fileName, raw ?? null, key);
      if (read.kind === "missing") {
        collector.skipMissing();
        continue;
      }
      const hasStderr = stderrName !== undefined && MEAN_METRICS.has(metric);
      const stderr = hasStderr ? toStderr(fileName, metricValue(stderrName), `${where}.metrics.${stderrName}.value`) : null;
      collector.add({ model, revision: null, task, metric, filter, shots: null, value: read.value, stderr, n, source: { key } });
    }
  });
  return toCheckedFile(fileName, { format: "inspect-log", results: collector.results, modelFacts: [], missingValues: collector.missingValues });
}

/** An Inspect JSON log with its samples as items. */
export function parseInspectLog(fileName: string, text: string, opts: ParseOptions = {}): ParsedFileWithItems {
  return parseInspectLogWithItems(fileName, parseJsonLenient(fileName, text, { prototypeKeys: opts.prototypeKeys }), opts);
}

/** An Inspect JSON log already read as JSON, with its samples as items. */
export function parseInspectLogWithItems(fileName: string, doc: JsonValue, opts: ParseOptions = {}): ParsedFileWithItems {
  const file = parseInspectLogDoc(fileName, doc, opts);
  const samples = isJsonObject(doc) ? doc.samples : undefined;
  const items = samples === undefined || samples === null ? [] : readInspectItems(fileName, doc as JsonObject, samples);
  return { file, items };
}
