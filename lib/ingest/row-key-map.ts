type Part = string | number | null;

const PART_BITS = 10;
const PART_LIMIT = 2 ** PART_BITS;
/** 2^53 / 2^40: the first part's numbers may use the bits the other four leave in a double's exact range */
const FIRST_LIMIT = 2 ** (53 - 4 * PART_BITS);

/**
 * A map keyed by a row's names (a group, then up to five parts) that builds no
 * string per row: each distinct part gets a small number in its position's own
 * numbering, and the five numbers make one number, the key inside the group's
 * map. A file's million rows would otherwise leave a million key strings for the
 * garbage collector to trace (it took a quarter of a 1M-row ingest's time). A
 * part numbered past its bits (over 1,024 distinct filters, say) falls back to
 * a string key of the numbers: as exact, only slower. Parts are compared as
 * Map keys compare (SameValueZero); `null` is a part of its own. Values are
 * objects, so undefined always means "not seen".
 */
export class RowKeyMap<V extends object> {
  private readonly groups = new Map<unknown, Map<number | string, V>>();
  private readonly numberings = [0, 1, 2, 3, 4].map(() => new Map<Part, number>());

  private numberOf(position: number, part: Part): number {
    const numbering = this.numberings[position];
    let n = numbering.get(part);
    if (n === undefined) numbering.set(part, (n = numbering.size));
    return n;
  }

  private key(a: Part, b: Part, c: Part, d: Part, e: Part): number | string {
    const na = this.numberOf(0, a);
    const nb = this.numberOf(1, b);
    const nc = this.numberOf(2, c);
    const nd = this.numberOf(3, d);
    const ne = this.numberOf(4, e);
    if (na < FIRST_LIMIT && nb < PART_LIMIT && nc < PART_LIMIT && nd < PART_LIMIT && ne < PART_LIMIT) {
      return (((na * PART_LIMIT + nb) * PART_LIMIT + nc) * PART_LIMIT + nd) * PART_LIMIT + ne;
    }
    return `${na},${nb},${nc},${nd},${ne}`;
  }

  /** The value stored earlier under the same group and parts; when none, stores `value` and returns undefined. */
  claim(group: unknown, a: Part, b: Part, c: Part, d: Part, e: Part, value: V): V | undefined {
    let inGroup = this.groups.get(group);
    if (inGroup === undefined) this.groups.set(group, (inGroup = new Map()));
    const key = this.key(a, b, c, d, e);
    const earlier = inGroup.get(key);
    if (earlier === undefined) inGroup.set(key, value);
    return earlier;
  }
}
