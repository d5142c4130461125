export type Random = {
  /** uniform in [0, 1) */
  uniform: () => number;
  /** standard normal N(0, 1) */
  normal: () => number;
};

/**
 * Seeded PRNG: mulberry32 for uniforms (same sequence on every machine) and
 * the Box–Muller transform for normals (Box & Muller 1958), which yields two
 * independent normals per pair of uniforms; the second is kept for the next call.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  let spare: number | null = null;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    let u1 = uniform();
    while (u1 <= 0) u1 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return { uniform, normal };
}
