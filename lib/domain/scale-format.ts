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
  if (!Number.isFinite(value) || value === 0) return String(value);
  // from the decimal string, not value / 10^exponent, which is 0 or Infinity at the ends of the double range
  const [mantissa, exponent] = value.toExponential(1).split("e");
  const m = Number(mantissa);
  return `${m === 1 ? "1" : m}e${Number(exponent)}`;
}
