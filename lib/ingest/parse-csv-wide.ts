import { type ModelFact, type ParsedFile } from "@/lib/schemas/parsed-file";
import { scaleByPowerOf10, toCellNumber } from "./cell-number";
import { IngestError } from "./ingest-error";
import { toCheckedFile } from "./check-parsed-file";
import { forEachCsvRow, type CsvRow } from "./parse-csv";
import type { ParseOptions } from "./parse-options";
import { ResultCollector } from "./result-collector";
import { toWideColumn, type WideColumn } from "./wide-columns";

/** Scale columns of the ObsScaling CSVs and the factor that turns each into plain units. */
const SCALE_COLUMNS = {
  "Model Size (B)": { field: "parameters", power: 9 },
  "Pretraining Data Size (T)": { field: "trainingTokens", power: 12 },
  "FLOPs (1E21)": { field: "trainingFlops", power: 21 },
} as const;
type ScaleField = (typeof SCALE_COLUMNS)[keyof typeof SCALE_COLUMNS]["field"];
const FAMILY_COLUMN = "Model Family";

type Plan =
  | { kind: "family" }
  | { kind: "scale"; field: ScaleField; power: number }
  | { kind: "result"; column: WideColumn };

/**
 * Wide CSV: one row per model (first column "Model"), one column per
 * task-metric (see wide-columns.ts). Scale columns become ModelFacts, with
 * empty cells null. An empty or -100 score is missing: counted, not stored.
 * Rows are read one at a time (see forEachCsvRow), never all held at once.
 */
export function parseCsvWide(fileName: string, text: string, opts: ParseOptions = {}): ParsedFile {
  let header: CsvRow | undefined;
  let plans: Array<Plan | null> = [];
  let hasFacts = false;
  const collector = new ResultCollector(fileName, opts.maxRows);
  const modelFacts: ModelFact[] = [];
  const seenModels = new Map<string, number>();

  forEachCsvRow(fileName, text, (row) => {
    if (header === undefined) {
      header = row;
      plans = planColumns(fileName, header);
      hasFacts = plans.some((plan) => plan !== null && plan.kind !== "result");
      // scale columns alone would store models and nothing to plot
      if (!plans.some((plan) => plan?.kind === "result")) {
        throw new IngestError(fileName, `no results in ${fileName}: no task-metric column`, { line: row.line });
      }
      return;
    }
    const head: CsvRow = header;
    if (row.cells.length !== head.cells.length) {
      throw new IngestError(fileName, `row has ${row.cells.length} cells, header has ${head.cells.length}`, {
        line: row.line,
      });
    }
    const model = row.cells[0].trim();
    if (model === "") throw new IngestError(fileName, "empty model name", { line: row.line, key: head.cells[0] });
    const fact: ModelFact = {
      model,
      family: null,
      developer: null,
      parameters: null,
      trainingTokens: null,
      trainingFlops: null,
      source: { line: row.line },
    };
    plans.forEach((plan, at) => {
      if (plan === null) return;
      const column = head.cells[at].trim();
      const raw = row.cells[at];
      if (plan.kind === "family") {
        fact.family = raw.trim() === "" ? null : raw.trim();
        return;
      }
      const read = toCellNumber(fileName, raw, { line: row.line, column });
      if (plan.kind === "scale") {
        if (read.kind === "value" && read.value <= 0) {
          throw new IngestError(fileName, `column "${column}": must be positive`, { line: row.line, key: column });
        }
        fact[plan.field] = read.kind === "value" ? scaleByPowerOf10(read.value, plan.power) : null;
        return;
      }
      if (read.kind === "missing") {
        collector.skipMissing();
        return;
      }
      collector.add({
        model,
        revision: null,
        ...plan.column,
        filter: "none",
        value: read.value,
        stderr: null,
        n: null,
        source: { line: row.line, key: column },
      });
    });
    if (!hasFacts) return;
    const earlier = seenModels.get(model);
    if (earlier !== undefined && JSON.stringify({ ...modelFacts[earlier], source: null }) !== JSON.stringify({ ...fact, source: null })) {
      throw new IngestError(fileName, `model ${model} listed twice with different scale`, { line: row.line });
    }
    if (earlier === undefined) {
      seenModels.set(model, modelFacts.length);
      modelFacts.push(fact);
    }
  });
  if (header === undefined) throw new IngestError(fileName, "empty file");
  return toCheckedFile(fileName, {
    format: "csv-wide",
    results: collector.results,
    modelFacts,
    directions: [],
    missingValues: collector.missingValues,
  });
}

/** One plan per header cell; the first (model) column gets null. */
function planColumns(fileName: string, header: CsvRow): Array<Plan | null> {
  const seen = new Set<string>();
  return header.cells.map((cell, at): Plan | null => {
    const name = cell.trim();
    if (seen.has(name)) throw new IngestError(fileName, `duplicate column "${name}"`, { line: header.line, key: name });
    seen.add(name);
    if (at === 0) {
      if (name.toLowerCase() !== "model") {
        throw new IngestError(fileName, `first column must be "Model", found "${name}"`, { line: header.line, key: name });
      }
      return null;
    }
    if (name === FAMILY_COLUMN) return { kind: "family" };
    if (Object.hasOwn(SCALE_COLUMNS, name)) return { kind: "scale", ...SCALE_COLUMNS[name as keyof typeof SCALE_COLUMNS] };
    const column = toWideColumn(name);
    if (column === null) {
      throw new IngestError(fileName, `column "${name}" is not a known task-metric (expected e.g. <task>_<shots>_<metric>)`, {
        line: header.line,
        key: name,
      });
    }
    return { kind: "result", column };
  });
}
