import type { ParsedItem } from "@/lib/schemas/parsed-items";
import { describe } from "./json-number";
import { IngestError } from "./ingest-error";
import { toItemText, toItemValue } from "./item-value";
import { parseJsonLine, readLines, type TextChunks } from "./json-lines";
import { isJsonObject, type JsonValue } from "./parse-json-lenient";
import { toParsedItem } from "./validate-parsed-item";

/** Keys of a samples line that are not per-item metrics (for files older than the `metrics` list). */
const SAMPLE_KEYS = new Set([
  "doc_id", "doc", "target", "arguments", "resps", "filtered_resps", "filter", "metrics",
  "doc_hash", "prompt_hash", "target_hash", "task_name",
]);
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?$/;

/**
 * The task of `samples_<task>_<date>.jsonl` (lm-eval writes one file per task,
 * the date as in `2026-01-21T03-44-18.458309`); null when the name is not one.
 * The date has no underscore, so the task is everything up to the last one.
 */
export function samplesTaskOf(fileName: string): string | null {
  const base = fileName.slice(fileName.lastIndexOf("/") + 1);
  if (!base.startsWith("samples_") || !base.endsWith(".jsonl")) return null;
  const stem = base.slice("samples_".length, -".jsonl".length);
  const cut = stem.lastIndexOf("_");
  if (cut <= 0 || !DATE.test(stem.slice(cut + 1))) return null;
  return stem.slice(0, cut);
}

function metricNames(fileName: string, doc: Record<string, JsonValue>, line: number): string[] {
  const listed = doc.metrics;
  if (listed === undefined) return Object.keys(doc).filter((key) => !SAMPLE_KEYS.has(key));
  if (Array.isArray(listed) && listed.every((m): m is string => typeof m === "string")) return listed;
  throw new IngestError(fileName, `expected a list of metric names, found ${describe(listed)}`, { line, key: "metrics" });
}

function readDocId(fileName: string, raw: JsonValue | undefined, line: number): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "number" && Number.isSafeInteger(raw) && raw >= 0) return raw;
  throw new IngestError(fileName, `expected a non-negative integer, found ${describe(raw)}`, { line, key: "doc_id" });
}

function readString(fileName: string, raw: JsonValue | undefined, line: number, key: string): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string" && raw !== "") return raw;
  throw new IngestError(fileName, `expected a non-empty string, found ${describe(raw)}`, { line, key });
}

/** One line of a samples file as an item: doc_id / doc_hash, filter, each metric's value, target, first filtered answer. */
export function toSampleItem(fileName: string, task: string, doc: JsonValue, line: number): ParsedItem {
  if (!isJsonObject(doc)) throw new IngestError(fileName, `expected a JSON object, found ${describe(doc)}`, { line });
  const metrics: Record<string, number | null> = {};
  for (const metric of metricNames(fileName, doc, line)) {
    if (Object.hasOwn(metrics, metric)) continue;
    Object.defineProperty(metrics, metric, { value: toItemValue(fileName, doc[metric], { line, key: metric }), enumerable: true, writable: true });
  }
  const answers = doc.filtered_resps;
  const first = Array.isArray(answers) ? answers[0] : undefined;
  return toParsedItem(fileName, {
    task,
    docId: readDocId(fileName, doc.doc_id, line),
    docHash: readString(fileName, doc.doc_hash, line, "doc_hash"),
    epoch: null,
    filter: readString(fileName, doc.filter, line, "filter") ?? "none",
    metrics,
    target: toItemText(doc.target),
    response: typeof first === "string" ? first : null,
    source: { line },
  });
}

/**
 * lm-evaluation-harness `samples_<task>_<date>.jsonl` (written with
 * --log_samples), one item per line, read as a stream: a line at a time is held,
 * so a 500 MB file never sits whole in memory. A malformed line is refused
 * naming its number. Items before a bad line have been yielded by then: a
 * consumer stores them in one transaction and rolls back when the iterator
 * throws, so nothing of a refused file is kept. The task comes from the file
 * name unless `opts.task` gives it; `opts.prototypeKeys: "refuse"` refuses
 * `__proto__`-like keys as uploads do.
 */
export async function* parseLmEvalSamples(
  fileName: string,
  chunks: TextChunks,
  opts: { task?: string; prototypeKeys?: "refuse" | "allow" } = {},
): AsyncGenerator<ParsedItem> {
  const task = opts.task ?? samplesTaskOf(fileName);
  if (task === null) {
    throw new IngestError(fileName, "cannot tell the task: an lm-eval samples file is named samples_<task>_<date>.jsonl");
  }
  let items = 0;
  for await (const line of readLines(fileName, chunks)) {
    if (line.text.trim() === "") continue;
    items++;
    yield toSampleItem(fileName, task, parseJsonLine(fileName, line, { prototypeKeys: opts.prototypeKeys }), line.line);
  }
  if (items === 0) throw new IngestError(fileName, `no items in ${fileName}`);
}

/** Whether a line looks like an lm-eval sample (for detection): an object with doc_id and the model's answers. */
export function isSampleLine(doc: JsonValue): boolean {
  return isJsonObject(doc) && Object.hasOwn(doc, "doc_id") && (Object.hasOwn(doc, "filtered_resps") || Object.hasOwn(doc, "resps"));
}
