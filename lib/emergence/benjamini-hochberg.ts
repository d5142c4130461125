/**
 * Benjamini–Hochberg step-up adjustment (Benjamini & Hochberg 1995): with m
 * p-values sorted ascending, adjusted p_(i) = min_{j ≥ i} min(1, m · p_(j) / j).
 * Rejecting adjusted p < α controls the false discovery rate at α.
 * Nulls (curves without a test) are not hypotheses: they stay null and do not count in m.
 */
export function benjaminiHochberg(pValues: (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, i) => [p, i] as const)
    .filter((entry): entry is readonly [number, number] => entry[0] !== null)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, index] = tested[rank - 1];
    running = Math.min(running, Math.min(1, (m * p) / rank));
    adjusted[index] = running;
  }
  return adjusted;
}
