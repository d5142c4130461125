import type { FileFormat } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";
import { parseCsv } from "./parse-csv";
import { isJsonObject, parseJsonLenient } from "./parse-json-lenient";

const LONG_COLUMNS = ["model", "task", "metric", "value"];
const V04_TOP_KEYS = ["lm_eval_version", "n-shot", "n-samples", "group_subtasks"];

/**
 * Decides the format from the content (the file name is only used in errors):
 * JSON with `results` whose metric keys contain "," (or v0.4-only top-level
 * keys) → v0.4; JSON with `results` and `versions` otherwise → v0.3; CSV whose
 * header has model, task, metric and value → long; CSV whose first column is
 * Model → wide.
 */
export function detectFormat(fileName: string, text: string): FileFormat {
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) throw new IngestError(fileName, "empty file");
  if (text[start] === "{" || text[start] === "[") return detectJson(fileName, text);

  const [header] = csvHead(fileName, text);
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  if (LONG_COLUMNS.every((column) => names.includes(column))) return "csv-long";
  if (names[0] === "model") return "csv-wide";
  throw new IngestError(
    fileName,
    "unknown format: expected lm-eval JSON, a long CSV (model,task,metric,value) or a wide CSV starting with Model",
    { line: header.line },
  );
}

/**
 * The first rows of a CSV, enough for its header, without tokenizing a
 * million-row file twice. A quoted cell cut at the boundary falls back to the whole text.
 */
function csvHead(fileName: string, text: string) {
  const HEAD = 65_536;
  const cut = text.length <= HEAD ? -1 : text.lastIndexOf("\n", HEAD);
  if (cut === -1) return parseCsv(fileName, text);
  try {
    return parseCsv(fileName, text.slice(0, cut + 1));
  } catch {
    return parseCsv(fileName, text);
  }
}

function detectJson(fileName: string, text: string): FileFormat {
  const doc = parseJsonLenient(fileName, text);
  if (!isJsonObject(doc) || !isJsonObject(doc.results)) {
    throw new IngestError(fileName, "unknown format: JSON without a \"results\" object", { key: "results" });
  }
  const hasFilterKeys = Object.values(doc.results).some(
    (metrics) => isJsonObject(metrics) && Object.keys(metrics).some((key) => key.includes(",")),
  );
  if (hasFilterKeys || V04_TOP_KEYS.some((key) => key in doc)) return "lm-eval-v0.4";
  if (isJsonObject(doc.versions)) return "lm-eval-v0.3";
  throw new IngestError(fileName, "unknown format: JSON results without \"versions\" or v0.4 metric keys", {
    key: "versions",
  });
}
