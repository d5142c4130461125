import { IngestError } from "@/lib/ingest/ingest-error";
import { parseCsv } from "@/lib/ingest/parse-csv";
import { modelEntrySchema, type ModelEntry } from "@/lib/schemas/registry";
import { toScaleNumber } from "./scale-number";

const COLUMNS = [
  "name", "aliases", "family", "parameters", "tokens", "flops", "flops_estimated",
  "tokens_per_step", "final_step", "source", "note",
] as const;
type Column = (typeof COLUMNS)[number];
/** The columns that hold a positive number (1.4B, 3e11). */
type ScaleColumn = "parameters" | "tokens" | "flops" | "tokens_per_step" | "final_step";

/**
 * Reads a models CSV (the seed registry or a user's --models file). Only
 * `name` is required; header names are case-insensitive; `aliases` is
 * `;`-separated; empty cells are unknown (null). `defaultSource` fills an
 * empty source cell.
 */
export function parseModelRows(fileName: string, text: string, defaultSource: string): ModelEntry[] {
  const [header, ...body] = parseCsv(fileName, text);
  if (header === undefined) throw new IngestError(fileName, "empty file");
  const index = new Map<Column, number>();
  header.cells.forEach((cell, at) => {
    const name = cell.trim().toLowerCase();
    if (!(COLUMNS as readonly string[]).includes(name)) {
      throw new IngestError(fileName, `unknown column "${cell}" (expected ${COLUMNS.join(", ")})`, {
        line: header.line,
        key: cell,
      });
    }
    index.set(name as Column, at);
  });
  if (!index.has("name")) throw new IngestError(fileName, 'missing column "name"', { line: header.line });

  return body.map((row) => {
    const cell = (column: Column) => (row.cells[index.get(column) ?? -1] ?? "").trim();
    const scale = (column: ScaleColumn): number | null => {
      const value = toScaleNumber(cell(column));
      if (value === undefined || (value !== null && value <= 0)) {
        throw new IngestError(fileName, `column "${column}": expected a positive number (e.g. 1.4B), found "${cell(column)}"`, {
          line: row.line,
          key: column,
        });
      }
      return value;
    };
    const estimated = cell("flops_estimated").toLowerCase();
    if (!["", "true", "false", "yes", "no"].includes(estimated)) {
      throw new IngestError(fileName, `column "flops_estimated": expected true or false`, { line: row.line });
    }
    const draft = {
      name: cell("name"),
      aliases: cell("aliases").split(";").map((alias) => alias.trim()).filter((alias) => alias !== ""),
      family: cell("family") === "" ? null : cell("family"),
      parameters: scale("parameters"),
      trainingTokens: scale("tokens"),
      trainingFlops: scale("flops"),
      flopsEstimated: estimated === "true" || estimated === "yes",
      tokensPerStep: scale("tokens_per_step"),
      finalStep: scale("final_step"),
      source: cell("source") === "" ? defaultSource : cell("source"),
      note: cell("note"),
    };
    const checked = modelEntrySchema.safeParse(draft);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new IngestError(fileName, `invalid ${issue.path.join(".")}: ${issue.message}`, {
        line: row.line,
        key: String(issue.path[0]),
      });
    }
    return checked.data;
  });
}
