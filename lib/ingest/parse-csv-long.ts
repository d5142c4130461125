import type { ParsedFile, ParsedResult } from "@/lib/schemas/parsed-file";
import { toCellInteger, toCellNumber } from "./cell-number";
import { checkResultNames } from "./check-names";
import { noResultsError } from "./check-parsed-file";
import { toParsedResult } from "./check-parsed-result";
import { IngestError } from "./ingest-error";
import { csvRows, type CsvRow } from "./parse-csv";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";

const REQUIRED = ["model", "task", "metric", "value"] as const;
const OPTIONAL = ["stderr", "n", "shots", "filter", "revision"] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** What a long CSV held besides its results, known once every chunk was read. */
export type CsvLongTail = { missingValues: number };

/**
 * Long CSV: one row per model × task × metric. Header names are matched
 * case-insensitively; unknown extra columns are ignored. A missing value
 * (empty, -100, NaN) skips the row and is counted; a missing stderr, n or
 * shots is null; an empty filter is "none"; an empty revision is the final model.
 *
 * The rows come out validated (parsedResultSchema's rules, the name rule, the
 * same result twice with different values refused) in chunks of about
 * `chunkRows`, read lazily: the ingest writes one chunk while the next is read,
 * and a bad row stops the reading where it is. Problems are reported in row
 * order, each naming the file, line and column. A file with no result at all is
 * refused after its last row.
 */
export function* csvLongChunks(fileName: string, text: string, opts: ParseOptions & { chunkRows: number }): Generator<ParsedResult[], CsvLongTail, undefined> {
  let index: Map<Column, number> | undefined;
  let at: Record<Column, number> | undefined;
  const collector = new ResultCollector(fileName, opts.maxRows);
  const clean = new Set<string>();
  let chunk: ParsedResult[] = [];

  for (const row of csvRows(fileName, text)) {
    if (index === undefined) {
      index = indexHeader(fileName, row);
      const position = (column: Column) => index!.get(column) ?? -1;
      at = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((c) => [c, position(c)])) as Record<Column, number>;
      continue;
    }
    const draft = readRow(fileName, row, at!);
    if (draft === null) {
      collector.skipMissing();
      continue;
    }
    const kept = collector.kept;
    if (!collector.add(draft)) continue;
    const result = toParsedResult(fileName, draft, kept);
    checkResultNames(fileName, result, clean);
    chunk.push(result);
    if (chunk.length >= opts.chunkRows) {
      collector.take();
      yield chunk;
      chunk = [];
    }
  }
  if (index === undefined) throw new IngestError(fileName, "empty file");
  if (collector.kept === 0) throw noResultsError(fileName, collector.missingValues);
  if (chunk.length > 0) yield chunk;
  return { missingValues: collector.missingValues };
}

/** A cell of the row, trimmed; "" for a column the file does not have. */
function cellOf(row: CsvRow, index: number): string {
  return index === -1 ? "" : (row.cells[index] ?? "").trim();
}

/** One data row as a result, or null when its value is missing. */
function readRow(fileName: string, row: CsvRow, at: Record<Column, number>) {
  const line = row.line;
  const model = cellOf(row, at.model);
  const task = cellOf(row, at.task);
  const metric = cellOf(row, at.metric);
  if (model === "") throw new IngestError(fileName, "empty model", { line, key: "model" });
  if (task === "") throw new IngestError(fileName, "empty task", { line, key: "task" });
  if (metric === "") throw new IngestError(fileName, "empty metric", { line, key: "metric" });
  const value = toCellNumber(fileName, cellOf(row, at.value), { line, column: "value" });
  if (value.kind === "missing") return null;
  const stderr = toCellNumber(fileName, cellOf(row, at.stderr), { line, column: "stderr" });
  if (stderr.kind === "value" && stderr.value < 0) {
    throw new IngestError(fileName, "stderr must not be negative", { line, key: "stderr" });
  }
  const revision = cellOf(row, at.revision);
  const filter = cellOf(row, at.filter);
  return {
    model,
    revision: revision === "" ? null : revision,
    task,
    metric,
    filter: filter === "" ? "none" : filter,
    shots: toCellInteger(fileName, cellOf(row, at.shots), { line, column: "shots" }, 0),
    value: value.value,
    stderr: stderr.kind === "value" ? stderr.value : null,
    n: toCellInteger(fileName, cellOf(row, at.n), { line, column: "n" }, 1),
    isGroup: false,
    source: { line },
  };
}

/** A whole long CSV at once (see csvLongChunks): the results of every chunk in one ParsedFile. */
export function parseCsvLong(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  const chunks = csvLongChunks(fileName, text, { ...opts, chunkRows: Number.POSITIVE_INFINITY });
  const results: ParsedResult[] = [];
  for (;;) {
    const next = chunks.next();
    if (next.done) return { format: "csv-long", results, modelFacts: [], directions: [], metricFacts: [], missingValues: next.value.missingValues };
    for (const r of next.value) results.push(r);
  }
}

function indexHeader(fileName: string, header: CsvRow): Map<Column, number> {
  const index = new Map<Column, number>();
  header.cells.forEach((name, at) => {
    const column = name.trim().toLowerCase() as Column;
    if (!(REQUIRED as readonly string[]).includes(column) && !(OPTIONAL as readonly string[]).includes(column)) return;
    if (index.has(column)) throw new IngestError(fileName, `duplicate column "${name}"`, { line: header.line, key: name });
    index.set(column, at);
  });
  for (const column of REQUIRED) {
    if (!index.has(column)) throw new IngestError(fileName, `missing column "${column}"`, { line: header.line });
  }
  return index;
}
