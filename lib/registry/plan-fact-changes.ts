import type { ScaleFact } from "@/lib/schemas/model-registry";

export type ScaleFacts = {
  parameters: number | null;
  trainingTokens: number | null;
  trainingFlops: number | null;
  flopsEstimated: boolean;
};

/** What a correction asks for: undefined leaves a fact as it is, null makes it unknown (FLOPs: re-estimated when possible). */
export type FactCorrection = Partial<Record<ScaleFact, number | null>>;

export type FactChange = { field: ScaleFact; oldValue: number | null; newValue: number | null };

/** Training compute ≈ 6 · N · D (Kaplan et al. 2020, "Scaling Laws for Neural Language Models", sec. 2.1). */
export function estimateFlops(parameters: number | null, tokens: number | null): number | null {
  return parameters !== null && tokens !== null ? 6 * parameters * tokens : null;
}

/** A new model's facts: FLOPs as given, else estimated from N and D and marked so. */
export function toNewModelFacts(given: Omit<ScaleFacts, "flopsEstimated">): ScaleFacts {
  if (given.trainingFlops !== null) return { ...given, flopsEstimated: false };
  const estimate = estimateFlops(given.parameters, given.trainingTokens);
  return { ...given, trainingFlops: estimate, flopsEstimated: estimate !== null };
}

/**
 * The facts after a correction, and each fact whose number changed. A reported
 * FLOPs figure is kept when N or D is corrected; an estimated one follows them
 * (re-estimated, or unknown when N or D becomes unknown). FLOPs given as a
 * number are reported; FLOPs set to null are re-estimated when N and D are known.
 */
export function planFactChanges(current: ScaleFacts, correction: FactCorrection): { next: ScaleFacts; changes: FactChange[] } {
  const parameters = correction.parameters === undefined ? current.parameters : correction.parameters;
  const trainingTokens = correction.trainingTokens === undefined ? current.trainingTokens : correction.trainingTokens;
  let trainingFlops = current.trainingFlops;
  let flopsEstimated = current.flopsEstimated;
  if (typeof correction.trainingFlops === "number") {
    trainingFlops = correction.trainingFlops;
    flopsEstimated = false;
  } else if (correction.trainingFlops === null || current.flopsEstimated || current.trainingFlops === null) {
    trainingFlops = estimateFlops(parameters, trainingTokens);
    flopsEstimated = trainingFlops !== null;
  }
  const next = { parameters, trainingTokens, trainingFlops, flopsEstimated };
  const changes: FactChange[] = [];
  for (const field of ["parameters", "trainingTokens", "trainingFlops"] as const) {
    if (next[field] !== current[field]) changes.push({ field, oldValue: current[field], newValue: next[field] });
  }
  return { next, changes };
}
