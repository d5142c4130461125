import type { RegistryModel } from "@/lib/schemas/registry";

export interface Checkpoint {
  /** "final" for the released model, else the revision as written */
  revision: string;
  /** training step; for the final model the entry's final_step when known */
  step: number | null;
  /** step × tokens_per_step when both are known; the final model's training tokens */
  tokensSeen: number | null;
  isFinal: boolean;
}

/**
 * `step1000`, `global_step1000`, `step-1000`, `checkpoint-1000`, `iter_1000`. At most
 * nine digits: steps are stored as Postgres integers, and a longer number is no
 * training step anyone ran (it stays a revision name, step unknown).
 */
const STEP = /^(?:(?:global_)?step[-_]?|checkpoint[-_]|iter_)(\d{1,9})$/i;

/** What a model's registry entry says about its training schedule. */
type StepFacts = Pick<RegistryModel, "tokensPerStep" | "finalStep" | "trainingTokens">;

/**
 * Where in training a revision sits. A null revision (or "main", HF's default
 * branch) and the last step (Pythia's `step143000`) are the released model and
 * share one checkpoint labelled "final", so a scale view never shows the same
 * weights twice. Pythia `step93000` → 93000 × 2,097,152 tokens seen. A revision
 * that is not a step (e.g. a commit hash) has step null and is not assumed final.
 */
export function toCheckpoint(revision: string | null, entry: StepFacts | null): Checkpoint {
  const tokensPerStep = entry?.tokensPerStep ?? null;
  const finalStep = entry?.finalStep ?? null;
  const seen = (step: number | null) => (step !== null && tokensPerStep !== null ? step * tokensPerStep : null);
  const trimmed = revision?.trim() ?? "";
  const match = STEP.exec(trimmed);
  const step = match ? Number(match[1]) : null;
  if (trimmed === "" || trimmed === "main" || (step !== null && step === finalStep)) {
    return { revision: "final", step: finalStep, tokensSeen: seen(finalStep) ?? entry?.trainingTokens ?? null, isFinal: true };
  }
  return { revision: trimmed, step, tokensSeen: seen(step), isFinal: false };
}
