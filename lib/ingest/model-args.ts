import { isJsonObject, type JsonValue } from "./parse-json-lenient";

export interface ModelIdentity {
  /** model name or path as the file spells it; null when model_args does not say */
  model: string | null;
  /** checkpoint revision; null = the final model ("main" is HF's default branch, i.e. final) */
  revision: string | null;
}

/** Keys that name the weights, in the order lm-eval backends use them. */
const MODEL_KEYS = ["pretrained", "model", "path"] as const;

/**
 * Splits lm-eval `model_args`: either the CLI string
 * `pretrained=org/name,revision=step1000,dtype=float16` or (v0.4) an object.
 * Values may not contain commas in the string form; the harness has the same limit.
 */
export function parseModelArgs(modelArgs: JsonValue | undefined): ModelIdentity {
  const args = new Map<string, string>();
  if (typeof modelArgs === "string") {
    for (const part of modelArgs.split(",")) {
      const eq = part.indexOf("=");
      if (eq > 0) args.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  } else if (isJsonObject(modelArgs)) {
    for (const [key, value] of Object.entries(modelArgs)) {
      if (typeof value === "string") args.set(key, value.trim());
    }
  }
  const modelKey = MODEL_KEYS.find((key) => (args.get(key) ?? "") !== "");
  return {
    model: modelKey === undefined ? null : (args.get(modelKey) ?? null),
    revision: toRevision(args.get("revision")),
  };
}

export function toRevision(value: JsonValue | undefined): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" || trimmed === "main" ? null : trimmed;
}
