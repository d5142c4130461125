import type { Random } from "./random";

/**
 * One parametric-bootstrap draw: out_i ~ Normal(center_i, se_i), clipped to the
 * metric's (oriented) bounds so a resampled accuracy stays in [0, 1].
 */
export function resampleInto(
  out: Float64Array,
  center: ArrayLike<number>,
  se: ArrayLike<number>,
  lo: number | null,
  hi: number | null,
  random: Random,
): Float64Array {
  for (let i = 0; i < out.length; i++) {
    let value = center[i] + se[i] * random.normal();
    if (lo !== null && value < lo) value = lo;
    if (hi !== null && value > hi) value = hi;
    out[i] = value;
  }
  return out;
}
