/**
 * Log-axis domain and ticks. The domain is padded by a fraction of a decade on
 * each side and only ticks inside it are returned: recharts pins out-of-domain
 * ticks to the edge and mislabels the end points.
 */
export function logDomain(values: number[], padDecades = 0.15): [number, number] | null {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return null;
  const lo = Math.log10(Math.min(...positive)) - padDecades;
  const hi = Math.log10(Math.max(...positive)) + padDecades;
  return [10 ** lo, 10 ** hi];
}

/** Powers of ten inside the domain; with fewer than two, 1-2-5 steps are added. */
export function logTicks([min, max]: [number, number]): number[] {
  const inside = (v: number) => v >= min && v <= max;
  const decades: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) decades.push(e);
  const powers = decades.map((e) => 10 ** e).filter(inside);
  if (powers.length >= 2) return powers;
  return decades.flatMap((e) => [1, 2, 5].map((m) => m * 10 ** e)).filter(inside);
}

const UNITS: [number, string][] = [
  [1e24, "Y"], [1e21, "Z"], [1e18, "E"], [1e15, "P"], [1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"],
];

/** 1.4e9 -> "1.4B", 7e7 -> "70M": the way papers name model sizes. */
export function formatScale(value: number): string {
  for (const [size, unit] of UNITS) {
    if (value >= size) return `${Number((value / size).toPrecision(3))}${unit}`;
  }
  return String(Number(value.toPrecision(3)));
}

/** 3.6e23 -> "3.6e23": FLOPs are written in scientific notation in papers (Wei et al. 2022, Fig. 2). */
export function formatExponent(value: number): string {
  const exponent = Math.floor(Math.log10(value));
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  return mantissa === 1 ? `1e${exponent}` : `${mantissa}e${exponent}`;
}
