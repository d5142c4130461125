/** The smallest normal and the largest double: a log domain stays between them, so its logs and powers are finite. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Log-axis domain and ticks. The domain is padded by a fraction of a decade on
 * each side and only ticks inside it are returned: recharts pins out-of-domain
 * ticks to the edge and mislabels the end points. Extreme but finite values
 * (5e-324, 1.7e308) give a domain clamped to normal doubles, never 0 or Infinity.
 */
export function logDomain(values: number[], padDecades = 0.15): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return null;
  const lo = 10 ** (Math.log10(min) - padDecades);
  const hi = 10 ** (Math.log10(max) + padDecades);
  return [Math.max(lo, MIN_NORMAL), Math.min(hi, Number.MAX_VALUE)];
}

/** Ticks a log axis labels at most: past this many decades, every k-th power of ten. */
const MAX_LOG_TICKS = 16;

/** Powers of ten inside the domain (every k-th over a very wide one); with fewer than two, 1-2-5 steps are added. */
export function logTicks([min, max]: [number, number]): number[] {
  const inside = (v: number) => v >= min && v <= max;
  const first = Math.floor(Math.log10(min));
  const last = Math.ceil(Math.log10(max));
  const stride = Math.max(1, Math.ceil((last - first + 1) / MAX_LOG_TICKS));
  const decades: number[] = [];
  for (let e = Math.ceil(first / stride) * stride; e <= last; e += stride) decades.push(e);
  const powers = decades.map((e) => 10 ** e).filter(inside);
  if (powers.length >= 2 || stride > 1) return powers;
  return decades.flatMap((e) => [1, 2, 5].map((m) => m * 10 ** e)).filter(inside);
}
