import { normalQuantile } from "../normal-quantile";

/**
 * The Wilson score interval of a proportion x / n (Wilson 1927), at level 1 − α.
 * [0, 1] when n = 0 (nothing observed).
 */
export function wilsonInterval(x: number, n: number, level = 0.95): [number, number] {
  if (n === 0) return [0, 1];
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return [Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator)];
}

/** A paired 2 × 2 table of the same items under two models (first, second). */
export type PairedTable = {
  /** correct under both */
  both: number;
  /** correct under the first only */
  firstOnly: number;
  /** correct under the second only */
  secondOnly: number;
  /** wrong under both */
  neither: number;
};

/**
 * The difference in accuracy second − first over the same items, with Newcombe's
 * square-and-add interval for paired proportions (Newcombe 1998, Statistics in
 * Medicine 17:2635–2650, method 10): each model's accuracy gets its Wilson score
 * interval, and the two are combined with the correlation φ of the paired outcomes,
 * φ corrected towards 0 by n/2 on the positive side as Newcombe does. Unlike the
 * Wald interval it stays inside [−1, 1] and does not collapse to a point when no
 * item changed.
 */
export function pairedDifference(table: PairedTable, level = 0.95): { effect: number; interval: [number, number] } {
  const { both, firstOnly, secondOnly, neither } = table;
  const n = both + firstOnly + secondOnly + neither;
  if (n === 0) return { effect: 0, interval: [-1, 1] };
  const p1 = (both + firstOnly) / n;
  const p2 = (both + secondOnly) / n;
  const [l1, u1] = wilsonInterval(both + firstOnly, n, level);
  const [l2, u2] = wilsonInterval(both + secondOnly, n, level);
  const margins = (both + firstOnly) * (secondOnly + neither) * (both + secondOnly) * (firstOnly + neither);
  let phi = 0;
  if (margins > 0) {
    const a = both * neither - firstOnly * secondOnly;
    phi = a > n / 2 ? (a - n / 2) / Math.sqrt(margins) : a < 0 ? a / Math.sqrt(margins) : 0;
  }
  const effect = p2 - p1;
  // Newcombe's interval for p1 − p2, then negated: ours reads second − first
  const d = p1 - p2;
  const lower = d - Math.sqrt(Math.max(0, (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2));
  const upper = d + Math.sqrt(Math.max(0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2));
  return { effect, interval: [Math.max(-1, -upper), Math.min(1, -lower)] };
}
