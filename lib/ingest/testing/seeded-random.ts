/** A small seeded generator (mulberry32) for tests: the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  /** `length` characters drawn from `alphabet` */
  const text = (alphabet: readonly string[], length: number) => Array.from({ length }, () => pick(alphabet)).join("");
  return { next, int, pick, text };
}
