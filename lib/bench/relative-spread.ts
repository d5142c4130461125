import { median } from "@/lib/emergence/quantile";

/** Spread of repeated measurements as (max - min) / median, to flag noisy runs. */
export function relativeSpread(values: readonly number[]): number {
  const m = median(values);
  return m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / m;
}
