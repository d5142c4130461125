import type { FileFormat } from "@/lib/schemas/parsed-file";
import { IngestError } from "./ingest-error";
import { parseJsonLine, splitLines, type Line } from "./json-lines";
import { isEeeRecord } from "./parse-every-eval-ever";
import { forEachCsvRow, type CsvRow } from "./parse-csv";
import { isJsonObject, parseJsonLenient, type JsonValue } from "./parse-json-lenient";
import { isSampleLine, samplesTaskOf } from "./parse-lm-eval-samples";
import { isOpenCompassHeader } from "./parse-opencompass-csv";

const LONG_COLUMNS = ["model", "task", "metric", "value"];
const V04_TOP_KEYS = ["lm_eval_version", "n-shot", "n-samples", "group_subtasks"];

export type JsonFormat = Extract<FileFormat, "lm-eval-v0.3" | "lm-eval-v0.4" | "every-eval-ever" | "inspect-log">;
export type CsvFormat = Extract<FileFormat, "csv-long" | "csv-wide" | "opencompass-csv">;

/**
 * How a file is read before any text is decoded: an Inspect `.eval` is a zip
 * archive (parseInspectEval, from bytes), an lm-eval `samples_<task>_<date>.jsonl`
 * a stream of items (parseLmEvalSamples), anything else text (parseFile). HELM
 * runs are folders (see isHelmRunFolder).
 */
export type InputKind = "inspect-eval" | "lm-eval-samples" | "text";

/** Whether bytes start as a zip archive does (a local file header, or the end record of an empty archive). */
export function isZipBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** The reader for a file, from its name and first bytes (a zip is an Inspect log whatever its name; the parser checks). */
export function detectInputKind(fileName: string, head: Uint8Array): InputKind {
  if (isZipBytes(head) || fileName.endsWith(".eval")) return "inspect-eval";
  return samplesTaskOf(fileName) !== null ? "lm-eval-samples" : "text";
}

/** Whether the text is JSON (its first non-space character opens an object or array); throws on an empty file. */
export function isJsonText(fileName: string, text: string): boolean {
  const start = text.search(/[^\s\uFEFF]/);
  if (start === -1) throw new IngestError(fileName, "empty file");
  return text[start] === "{" || text[start] === "[";
}

/**
 * Whether the text is JSON Lines: named `.jsonl`, or its first line is a whole
 * JSON object and more follows (a pretty-printed JSON document's first line is
 * `{` alone, which is no document).
 */
export function isJsonLinesText(fileName: string, text: string): boolean {
  if (fileName.endsWith(".jsonl")) return true;
  const end = text.indexOf("\n");
  if (end === -1 || text.slice(end + 1).trim() === "") return false;
  try {
    return isJsonObject(JSON.parse(text.slice(0, end)) as JsonValue);
  } catch {
    return false;
  }
}

/**
 * Decides the format from the content (the file name only where researchers
 * tell files apart by it: `.eval`, `samples_*.jsonl`). Parses the JSON: a caller
 * that goes on to read the file uses detectJsonFormat / detectCsvFormat /
 * detectJsonLinesFormat instead, so it is read once. Files that are not read as
 * one text (an Inspect .eval zip, an lm-eval samples stream, one file of a HELM
 * run) are refused with what they are and how they are read.
 */
export function detectFormat(fileName: string, text: string): FileFormat {
  refuseZipText(fileName, text);
  if (isJsonLinesText(fileName, text)) return detectJsonLinesFormat(fileName, text);
  return isJsonText(fileName, text) ? detectJsonFormat(fileName, parseJsonLenient(fileName, text)) : detectCsvFormat(fileName, text);
}

/** An Inspect .eval (a zip archive) decoded as text by mistake: refused, saying what it is. */
export function refuseZipText(fileName: string, text: string): void {
  if (text.startsWith("PK\u0003\u0004") || fileName.endsWith(".eval")) {
    throw new IngestError(fileName, "an Inspect .eval log is a zip archive: it is read from its bytes, not as text");
  }
}

/** JSONL by its first record: Every Eval Ever records are results; lm-eval samples are items, read as a stream. */
export function detectJsonLinesFormat(fileName: string, text: string): "every-eval-ever" {
  let first: Line | undefined;
  for (const line of splitLines(text)) {
    if (line.text.trim() === "") continue;
    first = line;
    break;
  }
  if (first === undefined) throw new IngestError(fileName, "empty file");
  const doc = parseJsonLine(fileName, first);
  if (isEeeRecord(doc)) return "every-eval-ever";
  if (isSampleLine(doc) || samplesTaskOf(fileName) !== null) {
    throw new IngestError(fileName, "an lm-eval samples file holds per-item records: it is read as a stream of items, not as results", { line: first.line });
  }
  throw new IngestError(fileName, "unknown format: JSON Lines that are not Every Eval Ever records or lm-eval samples", { line: first.line });
}

/** A CSV's format from its header row alone (the rest of the file is not tokenized). */
export function detectCsvFormat(fileName: string, text: string): CsvFormat {
  let header: CsvRow | undefined;
  forEachCsvRow(fileName, text, (row) => {
    header = row;
    return false;
  });
  if (header === undefined) throw new IngestError(fileName, "empty file");
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  if (LONG_COLUMNS.every((column) => names.includes(column))) return "csv-long";
  if (names[0] === "model") return "csv-wide";
  if (isOpenCompassHeader(header.cells)) return "opencompass-csv";
  throw new IngestError(
    fileName,
    "unknown format: expected lm-eval JSON, a long CSV (model,task,metric,value), a wide CSV starting with Model or an OpenCompass summary (dataset,version,metric,mode,…)",
    { line: header.line },
  );
}

/** HELM writes a run as a folder; one of its files alone cannot be read. */
function refuseHelmFile(fileName: string, doc: JsonValue): void {
  const first = Array.isArray(doc) ? doc[0] : undefined;
  const isRunSpec = isJsonObject(doc) && isJsonObject(doc.adapter_spec);
  const isStats = isJsonObject(first) && (isJsonObject(first.name) || Object.hasOwn(first, "instance_id"));
  if (isRunSpec || isStats) {
    throw new IngestError(fileName, "one file of a HELM run: a HELM run is read as its folder (run_spec.json with stats.json)");
  }
}

export function detectJsonFormat(fileName: string, doc: JsonValue): JsonFormat {
  if (isEeeRecord(doc)) return "every-eval-ever";
  if (isJsonObject(doc) && isJsonObject(doc.eval) && typeof doc.eval.task === "string" && Object.hasOwn(doc.eval, "model")) return "inspect-log";
  refuseHelmFile(fileName, doc);
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
