/**
 * Where `v` sits between `lo` and `hi` as a fraction (0 at lo, 1 at hi), for
 * drawing. Computed on halves so that lo = -1.7e308, hi = 1.7e308 does not
 * overflow to Infinity / Infinity = NaN; clamped to [-1, 2] so a point or error
 * bar far outside the axis is drawn just off the plot (and clipped), never at a
 * coordinate of ±Infinity. A zero-width axis puts everything in the middle.
 */
export function toUnitInterval(v: number, lo: number, hi: number): number {
  const width = hi / 2 - lo / 2;
  if (!(width > 0)) return 0.5;
  const t = (v / 2 - lo / 2) / width;
  if (Number.isNaN(t)) return 0.5;
  return Math.min(2, Math.max(-1, t));
}
