import type { FileFormat } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";
import { forEachCsvRow, type CsvRow } from "./parse-csv";
import { isJsonObject, parseJsonLenient, type JsonValue } from "./parse-json-lenient";

const LONG_COLUMNS = ["model", "task", "metric", "value"];
const V04_TOP_KEYS = ["lm_eval_version", "n-shot", "n-samples", "group_subtasks"];

/** Whether the text is JSON (its first non-space character opens an object or array); throws on an empty file. */
export function isJsonText(fileName: string, text: string): boolean {
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) throw new IngestError(fileName, "empty file");
  return text[start] === "{" || text[start] === "[";
}

/**
 * Decides the format from the content (the file name is only used in errors):
 * JSON with `results` whose metric keys contain "," (or v0.4-only top-level
 * keys) → v0.4; JSON with `results` and `versions` otherwise → v0.3; CSV whose
 * header has model, task, metric and value → long; CSV whose first column is
 * Model → wide. Parses the JSON: a caller that goes on to read the file uses
 * detectJsonFormat / detectCsvFormat instead, so it is read once.
 */
export function detectFormat(fileName: string, text: string): FileFormat {
  return isJsonText(fileName, text) ? detectJsonFormat(fileName, parseJsonLenient(fileName, text)) : detectCsvFormat(fileName, text);
}

/** A CSV's format from its header row alone (the rest of the file is not tokenized). */
export function detectCsvFormat(fileName: string, text: string): FileFormat {
  let header: CsvRow | undefined;
  forEachCsvRow(fileName, text, (row) => {
    header = row;
    return false;
  });
  if (header === undefined) throw new IngestError(fileName, "empty file");
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  if (LONG_COLUMNS.every((column) => names.includes(column))) return "csv-long";
  if (names[0] === "model") return "csv-wide";
  throw new IngestError(
    fileName,
    "unknown format: expected lm-eval JSON, a long CSV (model,task,metric,value) or a wide CSV starting with Model",
    { line: header.line },
  );
}

export function detectJsonFormat(fileName: string, doc: JsonValue): FileFormat {
  if (!isJsonObject(doc) || !isJsonObject(doc.results)) {
    throw new IngestError(fileName, "unknown format: JSON without a \"results\" object", { key: "results" });
  }
  const hasFilterKeys = Object.values(doc.results).some(
    (metrics) => isJsonObject(metrics) && Object.keys(metrics).some((key) => key.includes(",")),
  );
  if (hasFilterKeys || V04_TOP_KEYS.some((key) => Object.hasOwn(doc, key))) return "lm-eval-v0.4";
  if (isJsonObject(doc.versions)) return "lm-eval-v0.3";
  throw new IngestError(fileName, "unknown format: JSON results without \"versions\" or v0.4 metric keys", {
    key: "versions",
  });
}
