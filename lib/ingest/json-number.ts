import { magnitudeProblem } from "@/lib/schemas/number-limits";
import { IngestError } from "./ingest-error";
import { NonFiniteLiteral, type JsonValue } from "./parse-json-lenient";

/** A metric value read from lm-eval JSON: a finite number within VALUE_LIMITS, or missing (NaN literal / null). */
export type JsonNumber = { kind: "value"; value: number } | { kind: "missing" };

export function toJsonNumber(fileName: string, value: JsonValue | undefined, key: string): JsonNumber {
  if (value === null || value instanceof NonFiniteLiteral) return { kind: "missing" };
  if (typeof value === "number" && Number.isFinite(value)) {
    const problem = magnitudeProblem(value);
    if (problem !== null) throw new IngestError(fileName, problem, { key });
    return { kind: "value", value };
  }
  if (typeof value === "number") throw new IngestError(fileName, "value is not a finite number", { key });
  throw new IngestError(fileName, `expected a number, found ${describe(value)}`, { key });
}

/** A stderr: "N/A", absent, null or a NaN literal mean unknown (null); negative is an error. */
export function toStderr(fileName: string, value: JsonValue | undefined, key: string): number | null {
  if (value === undefined || value === "N/A") return null;
  const read = toJsonNumber(fileName, value, key);
  if (read.kind === "missing") return null;
  if (read.value < 0) throw new IngestError(fileName, `stderr must not be negative, found ${read.value}`, { key });
  return read.value;
}

export function describe(value: JsonValue | undefined): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null && !(value instanceof NonFiniteLiteral)) return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
