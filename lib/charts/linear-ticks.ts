/** Most decimals a fixed-point tick label gets; finer steps are labelled in scientific notation. */
const MAX_FIXED_DECIMALS = 6;

/**
 * About `count` round ticks (1, 2, 5 × 10^k steps) inside [min, max], with the
 * decimals they need. Safe for any finite domain: the span is taken on halves
 * (±1.7e308 does not overflow), and a domain too narrow for its magnitude to
 * hold round steps (1e15 to 1e15 + 0.1) gets its two ends.
 */
export function linearTicks([min, max]: [number, number], count = 5): { ticks: number[]; decimals: number } {
  const half = max / 2 - min / 2;
  if (!(half > 0) || !Number.isFinite(half)) return { ticks: [min], decimals: 2 };
  const raw = (half / count) * 2;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const first = Math.ceil(min / step - 1e-9);
  // past 2^53 steps from zero, i + 1 === i: the loop would never end
  if (!(step > 0) || Math.abs(first) > 2 ** 52) return { ticks: [min, max], decimals };
  const ticks: number[] = [];
  for (let i = first; ticks.length <= 2 * count + 1; i++) {
    const tick = i * step;
    // (tick - max), not max + tolerance: the latter overflows to Infinity at the top of the double range
    if (!Number.isFinite(tick) || tick - max > step * 1e-9) break;
    ticks.push(Number(tick.toPrecision(12)));
  }
  return { ticks, decimals };
}

/** A tick label: fixed decimals for ordinary axes, scientific notation for very large or very fine ones. */
export function formatTick(value: number, decimals: number): string {
  if (value === 0) return decimals <= MAX_FIXED_DECIMALS ? value.toFixed(decimals) : "0";
  if (decimals <= MAX_FIXED_DECIMALS && Math.abs(value) < 1e9) return value.toFixed(decimals);
  return Number(value.toPrecision(6)).toExponential();
}
