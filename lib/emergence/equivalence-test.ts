import { normalQuantile } from "./normal-quantile";

export type Equivalence = {
  /** "floor": against the chance level; "level": against the curve's own weighted mean */
  reference: "floor" | "level";
  value: number;
  margin: number;
  /** every point's one-sided (1 − α) bound on |value − reference| is below the margin */
  passed: boolean;
  /** the largest such bound over the points: the margin the data could show */
  shown: number;
};

/**
 * Two one-sided tests per point (Schuirmann 1987) against a reference: point i is
 * within ±δ of it at level α when |u_i − r| + z_{1−α} · s_i < δ. Requiring every
 * point is an intersection–union test, so the claim "the whole curve stays within
 * ±δ" holds at level α without a multiplicity correction (Berger 1982). Against
 * the curve's own inverse-variance mean m, s_i² = se_i² − 1/Σw, the variance of
 * u_i − m.
 */
export function testEquivalence(
  u: ArrayLike<number>,
  se: ArrayLike<number>,
  reference: { kind: "floor"; value: number } | { kind: "level" },
  margin: number,
  alpha: number,
): Equivalence {
  const z = normalQuantile(1 - alpha);
  let sw = 0;
  let swu = 0;
  for (let i = 0; i < u.length; i++) {
    sw += 1 / (se[i] * se[i]);
    swu += u[i] / (se[i] * se[i]);
  }
  const value = reference.kind === "floor" ? reference.value : swu / sw;
  let shown = 0;
  for (let i = 0; i < u.length; i++) {
    const variance = reference.kind === "floor" ? se[i] * se[i] : Math.max(se[i] * se[i] - 1 / sw, 0);
    shown = Math.max(shown, Math.abs(u[i] - value) + z * Math.sqrt(variance));
  }
  return { reference: reference.kind, value, margin, passed: shown < margin, shown };
}
