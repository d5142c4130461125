import { toScaleNumber } from "@/lib/registry/scale-number";
import type { CorrectModelBody, CreateModelBody } from "@/lib/schemas/model-registry";

/** What the edit forms hold: text as typed. */
export type FactDrafts = { parameters: string; trainingTokens: string; trainingFlops: string };
export type CreateModelDraft = FactDrafts & { name: string; family: string; source: string };
export type CorrectModelDraft = FactDrafts & { reason: string };

export type FieldErrors = Record<string, string>;
export type DraftResult<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors };

const NUMBER_HINT = "write a number such as 1.4B, 300B, 2T or 3.6e23";

/** A typed number: 1.4B, 300B, 6.9e9, 70_426_624; empty is unknown (null); 0 and negatives are refused here as the API would. */
function readFact(text: string, field: string, errors: FieldErrors): number | null {
  const value = toScaleNumber(text);
  if (value === undefined || (value !== null && !Number.isFinite(value))) errors[field] = NUMBER_HINT;
  else if (value !== null && value <= 0) errors[field] = "must be greater than 0";
  return value ?? null;
}

/** The add-model form as a body; FLOPs left empty are estimated on the server as 6·N·D. */
export function toCreateModelBody(draft: CreateModelDraft): DraftResult<CreateModelBody> {
  const errors: FieldErrors = {};
  const parameters = readFact(draft.parameters, "parameters", errors);
  const trainingTokens = readFact(draft.trainingTokens, "trainingTokens", errors);
  const trainingFlops = readFact(draft.trainingFlops, "trainingFlops", errors);
  if (draft.name.trim() === "") errors.name = "give the model's name";
  if (draft.source.trim() === "") errors.source = "say where the numbers come from";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const family = draft.family.trim() === "" ? null : draft.family.trim();
  return { ok: true, body: { name: draft.name.trim(), family, parameters, trainingTokens, trainingFlops, source: draft.source.trim() } };
}

/**
 * The correction form as a body: only the facts whose text changed from what
 * the form started with are sent; clearing a fact sends null (unknown, or FLOPs re-estimated).
 */
export function toCorrectModelBody(draft: CorrectModelDraft, initial: FactDrafts): DraftResult<CorrectModelBody> {
  const errors: FieldErrors = {};
  const body: CorrectModelBody = { reason: draft.reason.trim() };
  for (const field of ["parameters", "trainingTokens", "trainingFlops"] as const) {
    if (draft[field].trim() === initial[field].trim()) continue;
    body[field] = readFact(draft[field], field, errors);
  }
  if (body.parameters === undefined && body.trainingTokens === undefined && body.trainingFlops === undefined && !errors.parameters) {
    errors.parameters = "change at least one number";
  }
  if (body.reason === "") errors.reason = "say why, or where the number comes from";
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body };
}
