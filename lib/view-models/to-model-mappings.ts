import { toScaleNumber } from "@/lib/registry/scale-number";
import type { ModelMapping } from "@/lib/schemas/uploads";

/** What the mapping form holds for one unknown model, as typed. */
export type MappingDraft =
  | { mode: "unknown" }
  | { mode: "alias"; model: string }
  | { mode: "scale"; family: string; parameters: string; tokens: string; flops: string };

const FIELDS = [
  ["parameters", "Parameters"],
  ["tokens", "Training tokens"],
  ["flops", "Training FLOPs"],
] as const;

/**
 * The `models` field of a commit from the form's drafts, and what is wrong
 * with each draft that cannot be sent (keyed by model name). Numbers take the
 * registry's spellings: 1.4B, 300M, 2T, 3.6e23. A model left "unknown" is sent
 * without a mapping and stored as scale unknown.
 */
export function toModelMappings(
  names: readonly string[],
  drafts: Readonly<Record<string, MappingDraft | undefined>>,
): { mappings: ModelMapping[]; errors: Record<string, string> } {
  const mappings: ModelMapping[] = [];
  const errors: Record<string, string> = {};
  for (const name of names) {
    const draft = drafts[name];
    if (draft === undefined || draft.mode === "unknown") continue;
    if (draft.mode === "alias") {
      if (draft.model === "") errors[name] = "choose the registry model it is";
      else mappings.push({ kind: "alias", name, model: draft.model });
      continue;
    }
    const values: Record<(typeof FIELDS)[number][0], number | null> = { parameters: null, tokens: null, flops: null };
    const problems: string[] = [];
    for (const [field, label] of FIELDS) {
      const value = toScaleNumber(draft[field]);
      if (value === undefined || (value !== null && !(value > 0 && Number.isFinite(value)))) {
        problems.push(`${label}: expected a positive number such as 1.4B, 300B or 3.6e23, found "${draft[field].trim()}"`);
      } else {
        values[field] = value;
      }
    }
    if (problems.length === 0 && values.parameters === null && values.tokens === null && values.flops === null) {
      problems.push("enter at least one of parameters, training tokens, training FLOPs");
    }
    if (problems.length > 0) {
      errors[name] = problems.join("; ");
      continue;
    }
    const family = draft.family.trim();
    mappings.push({ kind: "scale", name, family: family === "" ? null : family, ...values });
  }
  return { mappings, errors };
}
