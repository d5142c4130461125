import { magnitudeProblem } from "@/lib/schemas/number-limits";
import { IngestError } from "./ingest-error";
import { NonFiniteLiteral, type JsonValue } from "./parse-json-lenient";

type Where = { line?: number; key: string };

/**
 * One item's metric value: a finite number (refused past VALUE_LIMITS, naming
 * where), a boolean as 1 or 0 (a correct / incorrect item), and null for
 * anything that is not one number (absent, null, NaN, a tuple such as
 * lm-eval's per-item [loglikelihood, length] for perplexity): never 0 for those.
 */
export function toItemValue(fileName: string, raw: JsonValue | undefined, where: Where): number | null {
  if (typeof raw === "boolean") return raw ? 1 : 0;
  if (typeof raw !== "number") return null;
  if (!Number.isFinite(raw)) throw new IngestError(fileName, "value is not a finite number", where);
  const problem = magnitudeProblem(raw);
  if (problem !== null) throw new IngestError(fileName, problem, where);
  return raw;
}

/** A target or answer as text: strings as written, numbers and lists as JSON; null when absent. */
export function toItemText(raw: JsonValue | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string") return raw;
  return JSON.stringify(raw, (_key, value: unknown) => (value instanceof NonFiniteLiteral ? value.literal : value));
}
