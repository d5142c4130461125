import type { ParsedFile } from "@/lib/schemas/parsed-file";
import { toCellNumber } from "./cell-number";
import { toCheckedFile } from "./check-parsed-file";
import { IngestError } from "./ingest-error";
import { forEachCsvRow, type CsvRow } from "./parse-csv";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";

/** The columns before the models in an OpenCompass summary CSV. */
export const OPENCOMPASS_COLUMNS = ["dataset", "version", "metric", "mode"];
const MISSING = "-";

/** Whether a header row is an OpenCompass summary's (for detection). */
export function isOpenCompassHeader(cells: string[]): boolean {
  return OPENCOMPASS_COLUMNS.every((column, i) => (cells[i] ?? "").trim().toLowerCase() === column);
}

function readModels(fileName: string, header: CsvRow): string[] {
  if (!isOpenCompassHeader(header.cells)) {
    throw new IngestError(fileName, `expected the columns ${OPENCOMPASS_COLUMNS.join(",")} then one per model`, { line: header.line });
  }
  const models = header.cells.slice(OPENCOMPASS_COLUMNS.length).map((cell) => cell.trim());
  if (models.length === 0) throw new IngestError(fileName, "no model columns after dataset,version,metric,mode", { line: header.line });
  models.forEach((model, i) => {
    if (model === "") throw new IngestError(fileName, `model column ${i + 1} has no name`, { line: header.line });
    if (models.indexOf(model) !== i) throw new IngestError(fileName, `model column "${model}" appears twice`, { line: header.line, key: model });
  });
  return models;
}

/**
 * OpenCompass summary CSV (`summary_<time>.csv` of its DefaultSummarizer):
 * `dataset,version,metric,mode,<model>…`, one row per dataset and metric, scores
 * as printed (two decimals, OpenCompass's percentages, stored as written). `-`
 * in a model's cell is missing (counted, never 0). A row whose metric is `-` is
 * a section heading or a dataset without results and holds no score. A row
 * whose version is `-` is a summary group (an average over datasets: it has no
 * prompt hash of its own) and is marked isGroup. The mode (gen, ppl, ll) is the
 * filter: generation and perplexity runs of one dataset are different
 * measurements. Rows are read one at a time.
 */
export function parseOpenCompassCsv(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  let models: string[] | null = null;
  const collector = new ResultCollector(fileName, opts.maxRows);
  forEachCsvRow(fileName, text, (row) => {
    if (models === null) {
      models = readModels(fileName, row);
      return;
    }
    const width = OPENCOMPASS_COLUMNS.length + models.length;
    if (row.cells.length !== width) throw new IngestError(fileName, `row has ${row.cells.length} cells, header has ${width}`, { line: row.line });
    const [dataset, version, metric, mode] = row.cells.map((cell) => cell.trim());
    const scores = row.cells.slice(OPENCOMPASS_COLUMNS.length);
    if (metric === MISSING) {
      const at = scores.findIndex((cell) => cell.trim() !== MISSING);
      if (at !== -1) throw new IngestError(fileName, `a row without a metric holds a score for ${models[at]}`, { line: row.line, key: models[at] });
      return;
    }
    if (dataset === "" || metric === "") throw new IngestError(fileName, "a row needs a dataset and a metric", { line: row.line });
    scores.forEach((cell, i) => {
      const model = models![i];
      const read = cell.trim() === MISSING ? ({ kind: "missing" } as const) : toCellNumber(fileName, cell, { line: row.line, column: model });
      if (read.kind === "missing") {
        collector.skipMissing();
        return;
      }
      collector.add({
        model, revision: null, task: dataset, metric, filter: mode === "" || mode === MISSING ? "none" : mode, shots: null,
        value: read.value, stderr: null, n: null, isGroup: version === MISSING, source: { line: row.line, key: model },
      });
    });
  });
  if (models === null) throw new IngestError(fileName, "empty file");
  return toCheckedFile(fileName, { format: "opencompass-csv", results: collector.results, modelFacts: [], missingValues: collector.missingValues });
}
