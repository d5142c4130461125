import { IngestError } from "@/lib/ingest/ingest-error";
import { parseCsv } from "@/lib/ingest/parse-csv";
import { parseModelRows } from "./parse-model-rows";
import {
  metricEntrySchema,
  taskEntrySchema,
  taskMetricEntrySchema,
    type ModelEntry,
  type Registry,
  } from "@/lib/schemas/registry";

export interface RegistryTexts {
  models: string;
  tasks: string;
  metrics: string;
  /** data/registry/task-metrics.csv; absent: no task-metric entries */
  taskMetrics?: string;
}

/** Pure: the three registry CSVs (data/registry/*.csv) as text in, typed entries out. */
export function loadRegistry(texts: RegistryTexts): Registry {
  const models = parseModelRows("models.csv", texts.models, "");
  assertUniqueNames("models.csv", models);
  return {
    models,
    tasks: parseTable("tasks.csv", texts.tasks, (cell) =>
      taskEntrySchema.parse({
        name: cell("task"),
        suite: cell("suite") || null,
        chance: optionalNumber(cell("chance")),
        chanceSource: cell("chance_source") || null,
        itemCount: optionalNumber(cell("item_count")),
      }),
    ),
    metrics: parseTable("metrics.csv", texts.metrics, (cell) =>
      metricEntrySchema.parse({
        name: cell("metric"),
        higherIsBetter: cell("higher_is_better") === "" ? null : cell("higher_is_better") === "true",
        lowerBound: optionalNumber(cell("lower_bound")),
        upperBound: optionalNumber(cell("upper_bound")),
        kind: cell("kind"),
      }),
    ),
    taskMetrics:
      texts.taskMetrics === undefined
        ? []
        : parseTable("task-metrics.csv", texts.taskMetrics, (cell) =>
            taskMetricEntrySchema.parse({
              task: cell("task"),
              metric: cell("metric"),
              chance: optionalNumber(cell("chance")),
              chanceSource: cell("chance_source"),
            }),
          ),
  };
}

function optionalNumber(cell: string): number | null {
  return cell === "" ? null : Number(cell);
}

/** Header-keyed rows; a bad row becomes an IngestError naming its line. */
function parseTable<T>(fileName: string, text: string, toEntry: (cell: (column: string) => string) => T): T[] {
  const [header, ...body] = parseCsv(fileName, text);
  if (header === undefined) throw new IngestError(fileName, "empty file");
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  return body.map((row) => {
    try {
      return toEntry((column) => (row.cells[names.indexOf(column)] ?? "").trim());
    } catch (error) {
      throw new IngestError(fileName, `invalid row: ${error instanceof Error ? error.message : String(error)}`, {
        line: row.line,
      });
    }
  });
}

/** Every name and alias must point at one model, case-insensitively. */
function assertUniqueNames(fileName: string, models: ModelEntry[]): void {
  const owner = new Map<string, string>();
  for (const model of models) {
    for (const name of [model.name, ...model.aliases]) {
      const key = name.toLowerCase();
      const earlier = owner.get(key);
      if (earlier !== undefined && earlier !== model.name) {
        throw new IngestError(fileName, `name "${name}" used by both ${earlier} and ${model.name}`, { key: name });
      }
      owner.set(key, model.name);
    }
  }
}

export type { ModelEntry, Registry };
