import type { ModelFact, ParsedDirection, ParsedMetricFact } from "@/lib/schemas/parsed-file";
import { scaleByPowerOf10 } from "./cell-number";
import { isDecimalNumber } from "./decimal-number";
import { IngestError } from "./ingest-error";
import { describe, toJsonNumber, toStderr } from "./json-number";
import { isJsonObject, type JsonObject, type JsonValue } from "./parse-json-lenient";
import type { ResultCollector } from "./result-collector";

/** What one record adds beside its results: the model's stated facts, metric directions and bounds. */
export type RecordFacts = { modelFact: ModelFact | null; directions: ParsedDirection[]; metricFacts: ParsedMetricFact[] };

type Where = { line?: number };

const object = (value: JsonValue | undefined): JsonObject => (isJsonObject(value) ? value : {});

/** A whole positive number of samples, or null when the record does not say. */
function readCount(fileName: string, raw: JsonValue | undefined, where: Where & { key: string }): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "number" && Number.isInteger(raw) && raw > 0) return raw;
  throw new IngestError(fileName, `expected a positive whole number, found ${describe(raw)}`, where);
}

/** A bound or a parameter count: a number, or (0.2.1 writes additional_details as strings) a decimal string. */
function readNumber(fileName: string, raw: JsonValue | undefined, where: Where & { key: string }): number | null {
  if (raw === undefined || raw === null) return null;
  const value = typeof raw === "string" && isDecimalNumber(raw.trim()) ? Number(raw) : raw;
  const read = toJsonNumber(fileName, value, where.key);
  return read.kind === "value" ? read.value : null;
}

function readModelFact(fileName: string, info: JsonObject, model: string, where: Where): ModelFact | null {
  const key = "model_info.additional_details.params_billions";
  const billions = readNumber(fileName, object(info.additional_details).params_billions, { ...where, key });
  if (billions !== null && billions <= 0) throw new IngestError(fileName, `parameters must be positive, found ${billions}`, { ...where, key });
  const developer = typeof info.developer === "string" && info.developer.trim() !== "" ? info.developer.trim() : null;
  if (billions === null && developer === null) return null;
  const parameters = billions === null ? null : scaleByPowerOf10(billions, 9);
  return { model, family: null, developer, parameters, trainingTokens: null, trainingFlops: null, source: { ...where, key: billions === null ? "model_info.developer" : key } };
}

/**
 * One Every Eval Ever record (schema 0.2.x): the model is `model_info.id`; each
 * `evaluation_results[]` entry is a result of task `evaluation_name` whose
 * metric is the record's own description of it (`metric_config.
 * evaluation_description`, e.g. "Accuracy on IFEval"; "score" when absent: the
 * schema has no metric name), value `score_details.score`, stderr and n from
 * `score_details.uncertainty`. `lower_is_better` gives the direction,
 * `min_score`/`max_score` the bounds, and a score outside them is refused.
 */
export function addEeeRecord(fileName: string, collector: ResultCollector, doc: JsonValue, where: Where): RecordFacts {
  if (!isJsonObject(doc)) throw new IngestError(fileName, `expected an Every Eval Ever record, found ${describe(doc)}`, where);
  const version = doc.schema_version;
  if (typeof version !== "string" || !version.startsWith("0.2.")) {
    throw new IngestError(fileName, `expected schema_version 0.2.x, found ${describe(version)}`, { ...where, key: "schema_version" });
  }
  const info = object(doc.model_info);
  const model = info.id;
  if (typeof model !== "string" || model.trim() === "") throw new IngestError(fileName, `expected the model's id, found ${describe(model)}`, { ...where, key: "model_info.id" });
  if (!Array.isArray(doc.evaluation_results)) throw new IngestError(fileName, "expected a list of results", { ...where, key: "evaluation_results" });
  const facts: RecordFacts = { modelFact: readModelFact(fileName, info, model, where), directions: [], metricFacts: [] };
  doc.evaluation_results.forEach((raw, i) => {
    const at = `evaluation_results.${i}`;
    const entry = object(raw);
    const task = entry.evaluation_name;
    if (typeof task !== "string" || task.trim() === "") throw new IngestError(fileName, `expected the evaluation's name, found ${describe(task)}`, { ...where, key: `${at}.evaluation_name` });
    const config = object(entry.metric_config);
    const described = typeof config.evaluation_description === "string" ? config.evaluation_description.trim() : "";
    const metric = described === "" ? "score" : described;
    const details = object(entry.score_details);
    const uncertainty = object(details.uncertainty);
    const key = `${at}.score_details.score`;
    const read = toJsonNumber(fileName, details.score ?? null, key);
    const lowerBound = readNumber(fileName, config.min_score, { ...where, key: `${at}.metric_config.min_score` });
    const upperBound = readNumber(fileName, config.max_score, { ...where, key: `${at}.metric_config.max_score` });
    if (read.kind === "missing") {
      collector.skipMissing();
    } else {
      if ((lowerBound !== null && read.value < lowerBound) || (upperBound !== null && read.value > upperBound)) {
        throw new IngestError(fileName, `score ${read.value} is outside the metric's stated range [${lowerBound ?? "-∞"}, ${upperBound ?? "∞"}]`, { ...where, key });
      }
      const stderr = toStderr(fileName, object(uncertainty.standard_error).value, `${at}.score_details.uncertainty.standard_error.value`);
      const n = readCount(fileName, uncertainty.num_samples, { ...where, key: `${at}.score_details.uncertainty.num_samples` });
      collector.add({ model, revision: null, task, metric, filter: "none", shots: null, value: read.value, stderr, n, source: { ...where, key } });
    }
    const lower = config.lower_is_better;
    if (lower !== undefined && typeof lower !== "boolean") throw new IngestError(fileName, `expected true or false, found ${describe(lower)}`, { ...where, key: `${at}.metric_config.lower_is_better` });
    const higherIsBetter = lower === undefined ? null : !lower;
    const source = { ...where, key: `${at}.metric_config` };
    if (higherIsBetter !== null) facts.directions.push({ task, metric, higherIsBetter, source });
    if (higherIsBetter !== null || lowerBound !== null || upperBound !== null) facts.metricFacts.push({ metric, higherIsBetter, lowerBound, upperBound, source });
  });
  return facts;
}
