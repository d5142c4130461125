/**
 * Holm's step-down adjustment (Holm 1979): sort p ascending, adjusted
 * p_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j)). Controls the family-wise
 * error rate; used for the per-point chance tests within one curve.
 */
export function holmAdjust(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, index], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
