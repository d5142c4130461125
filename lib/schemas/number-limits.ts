import { z } from "zod";

/**
 * How large or small a stored score or stderr may be. 1e15 is far above any
 * metric (the demo's largest is a perplexity of 1,683), below 2^53 so whole
 * numbers stay exact, and small enough that squares and sums over thousands of
 * bootstrap draws stay finite. A non-zero magnitude under 1e-100 says nothing a
 * score can mean, while subnormals such as 5e-324 square to 0 and put log axes
 * 323 decades down; zero itself is a fine score.
 */
export const VALUE_LIMITS = { maxAbs: 1e15, minAbs: 1e-100 };

/** Parameters, training tokens and FLOPs: at least 1, at most 1e30 (frontier training runs are ~1e26 FLOPs). */
export const SCALE_LIMITS = { min: 1, max: 1e30 };

/** Shots, n and checkpoint steps are stored as Postgres integer. */
export const INT4_MAX = 2_147_483_647;

/** 1e15, not 1000000000000000 or 1e+15. */
export const sci = (v: number) => v.toExponential().replace("e+", "e");

/** Why a finite number is outside VALUE_LIMITS, or null when it is inside. */
export function magnitudeProblem(value: number): string | null {
  const abs = Math.abs(value);
  if (abs > VALUE_LIMITS.maxAbs) return `${sci(value)} is beyond ±${sci(VALUE_LIMITS.maxAbs)}, the largest magnitude a stored number may have`;
  if (abs !== 0 && abs < VALUE_LIMITS.minAbs) {
    return `${sci(value)} is non-zero but smaller in magnitude than ${sci(VALUE_LIMITS.minAbs)}, the smallest a stored number may have`;
  }
  return null;
}

const finite = z.number().refine(Number.isFinite, "must be a finite number");

/** A score or stderr: finite and within VALUE_LIMITS. */
export const boundedValueSchema = finite.refine((v) => magnitudeProblem(v) === null, {
  message: `must be 0 or between ${sci(VALUE_LIMITS.minAbs)} and ${sci(VALUE_LIMITS.maxAbs)} in magnitude`,
});

/** A scale fact: finite, within SCALE_LIMITS. */
export const scaleFactSchema = z
  .number("must be a number")
  .refine(Number.isFinite, "must be a finite number")
  .pipe(
    z
      .number()
      .positive("must be greater than 0")
      .min(SCALE_LIMITS.min, `must be at least ${SCALE_LIMITS.min}`)
      .max(SCALE_LIMITS.max, `must be at most ${sci(SCALE_LIMITS.max)}`),
  );
