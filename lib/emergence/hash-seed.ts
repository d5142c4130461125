/**
 * Derives a curve's seed from its stable id and the caller's seed, so results
 * do not depend on the order curves are passed in. FNV-1a over the UTF-16 code
 * units of the id, then the murmur3 32-bit finaliser to mix in the seed.
 */
export function hashSeed(id: string, seed: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= Math.imul(seed >>> 0, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
