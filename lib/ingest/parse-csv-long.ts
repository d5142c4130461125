import { type ParsedFile } from "@/lib/schemas/parsed-file";
import { toCellInteger, toCellNumber } from "./cell-number";
import { IngestError } from "./ingest-error";
import { toCheckedFile } from "./check-parsed-file";
import { forEachCsvRow, type CsvRow } from "./parse-csv";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";

const REQUIRED = ["model", "task", "metric", "value"] as const;
const OPTIONAL = ["stderr", "n", "shots", "filter", "revision"] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/**
 * Long CSV: one row per model × task × metric. Header names are matched
 * case-insensitively; unknown extra columns are ignored. A missing value
 * (empty, -100, NaN) skips the row and is counted; a missing stderr, n or
 * shots is null; an empty filter is "none"; an empty revision is the final model.
 * Rows are read one at a time (see forEachCsvRow), never all held at once.
 */
export function parseCsvLong(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  let header: CsvRow | undefined;
  let index = new Map<Column, number>();
  const collector = new ResultCollector(fileName, opts.maxRows);

  forEachCsvRow(fileName, text, (row) => {
    if (header === undefined) {
      header = row;
      index = indexHeader(fileName, header);
      return;
    }
    const cell = (column: Column): string => {
      const at = index.get(column);
      return at === undefined ? "" : (row.cells[at] ?? "").trim();
    };
    const where = (column: Column) => ({ line: row.line, column });
    for (const column of ["model", "task", "metric"] as const) {
      if (cell(column) === "") throw new IngestError(fileName, `empty ${column}`, { line: row.line, key: column });
    }
    const value = toCellNumber(fileName, cell("value"), where("value"));
    if (value.kind === "missing") {
      collector.skipMissing();
      return;
    }
    const stderr = toCellNumber(fileName, cell("stderr"), where("stderr"));
    if (stderr.kind === "value" && stderr.value < 0) {
      throw new IngestError(fileName, "stderr must not be negative", { line: row.line, key: "stderr" });
    }
    collector.add({
      model: cell("model"),
      revision: cell("revision") === "" ? null : cell("revision"),
      task: cell("task"),
      metric: cell("metric"),
      filter: cell("filter") === "" ? "none" : cell("filter"),
      shots: toCellInteger(fileName, cell("shots"), where("shots"), 0),
      value: value.value,
      stderr: stderr.kind === "value" ? stderr.value : null,
      n: toCellInteger(fileName, cell("n"), where("n"), 1),
      source: { line: row.line },
    });
  });
  if (header === undefined) throw new IngestError(fileName, "empty file");
  return toCheckedFile(fileName, {
    format: "csv-long",
    results: collector.results,
    modelFacts: [],
    directions: [],
    missingValues: collector.missingValues,
  });
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
