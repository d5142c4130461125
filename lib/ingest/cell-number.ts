import { INT4_MAX, magnitudeProblem } from "@/lib/schemas/number-limits";
import { isDecimalNumber } from "./decimal-number";
import { IngestError } from "./ingest-error";

/** A numeric CSV cell: a finite number, or missing (empty, the -100 sentinel, NaN). */
export type CellNumber = { kind: "value"; value: number } | { kind: "missing" };

const MISSING = new Set(["", "nan", "-nan", "na", "n/a"]);

/**
 * Reads a CSV cell as a number. Notebook exports write missing scores as empty
 * cells, -100 (a common pandas fill value) or NaN; these are never 0. A number
 * outside VALUE_LIMITS is refused naming its line and column.
 */
export function toCellNumber(fileName: string, raw: string, where: { line: number; column: string }): CellNumber {
  const cell = raw.trim();
  // a digit first (most cells) is never one of the MISSING spellings
  const first = cell.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39) && MISSING.has(cell.toLowerCase())) return { kind: "missing" };
  if (!isDecimalNumber(cell)) {
    throw new IngestError(fileName, `column "${where.column}": expected a number, found ${JSON.stringify(raw)}`, {
      line: where.line,
      key: where.column,
    });
  }
  const value = Number(cell);
  if (!Number.isFinite(value)) {
    throw new IngestError(fileName, `column "${where.column}": value is not a finite number`, {
      line: where.line,
      key: where.column,
    });
  }
  const problem = magnitudeProblem(value);
  if (problem !== null) throw new IngestError(fileName, `column "${where.column}": ${problem}`, { line: where.line, key: where.column });
  return value === -100 ? { kind: "missing" } : { kind: "value", value };
}

/** An optional integer cell (shots, n): missing → null; otherwise an integer from min to INT4_MAX. */
export function toCellInteger(
  fileName: string,
  raw: string,
  where: { line: number; column: string },
  min: number,
): number | null {
  const read = toCellNumber(fileName, raw, where);
  if (read.kind === "missing") return null;
  if (!Number.isInteger(read.value) || read.value < min || read.value > INT4_MAX) {
    throw new IngestError(fileName, `column "${where.column}": expected an integer from ${min} to ${INT4_MAX}, found ${raw.trim()}`, {
      line: where.line,
      key: where.column,
    });
  }
  return read.value;
}

/**
 * value × 10^power without binary rounding noise: 0.07 B → 70000000, not
 * 70000000.00000001 (the decimal exponent is shifted, then parsed once).
 */
export function scaleByPowerOf10(value: number, power: number): number {
  const [mantissa, exponent] = value.toExponential().split("e");
  return Number(`${mantissa}e${Number(exponent) + power}`);
}
