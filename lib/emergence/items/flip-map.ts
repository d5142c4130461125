import { completeItems, isCorrect, type ItemMatrix } from "./item-matrix";

/**
 * Where an item stands along the family: `from` k = correct at size k and at every
 * larger size, wrong at k − 1 (k = 0: correct throughout); "worse" = correct at
 * some size but wrong at every larger one (it gets worse with scale); "never" =
 * wrong at every size. Every item complete across sizes falls in exactly one.
 */
export type ItemStanding = { kind: "from"; size: number } | { kind: "worse"; lastCorrect: number } | { kind: "never" };

export function toItemStanding(correct: boolean[]): ItemStanding {
  const last = correct.length - 1;
  if (!correct[last]) {
    const lastCorrect = correct.lastIndexOf(true);
    return lastCorrect === -1 ? { kind: "never" } : { kind: "worse", lastCorrect };
  }
  let from = last;
  while (from > 0 && correct[from - 1]) from--;
  return { kind: "from", size: from };
}

/** The order of rows: items correct from the smallest size first, then by the size they become reliably correct, then worse, then never. */
function rank(standing: ItemStanding, sizes: number): number {
  if (standing.kind === "from") return standing.size;
  if (standing.kind === "worse") return sizes + (sizes - standing.lastCorrect);
  return 2 * sizes + 1;
}

export type FlipRow = { key: string; values: number[]; correct: boolean[]; standing: ItemStanding };

export type FlipStep = {
  /** index of the larger model of the step (from − 1 → to) */
  to: number;
  /** share of items wrong at the smaller size and right at the larger */
  gained: number;
  /** share of items right at the smaller size and wrong at the larger */
  lost: number;
  /** share of items that become reliably correct at this size (correct here and at every larger size, wrong just before) */
  settles: number;
};

export type FlipMap = {
  /** items scored under every model, ordered for reading */
  rows: FlipRow[];
  /** items left out because some model has no score for them */
  incomplete: number;
  steps: FlipStep[];
  /** share of items correct from the smallest size on, worse with scale, never correct */
  correctThroughout: number;
  worse: number;
  never: number;
};

/**
 * The flip map of a family (items × sizes): each complete item's standing, the
 * rows ordered so that the size at which each item becomes reliably correct reads
 * as a staircase, and the share of items that flip at each step. One pass over the
 * items plus a sort.
 */
export function toFlipMap(matrix: ItemMatrix): FlipMap {
  const sizes = matrix.models.length;
  const complete = completeItems(matrix);
  const rows: FlipRow[] = complete.map((item) => {
    const values = item.values as number[];
    const correct = values.map((v) => isCorrect(v) as boolean);
    return { key: item.key, values, correct, standing: toItemStanding(correct) };
  });
  const n = rows.length;
  const steps: FlipStep[] = [];
  for (let to = 1; to < sizes; to++) {
    let gained = 0;
    let lost = 0;
    let settles = 0;
    for (const row of rows) {
      if (!row.correct[to - 1] && row.correct[to]) gained++;
      if (row.correct[to - 1] && !row.correct[to]) lost++;
      if (row.standing.kind === "from" && row.standing.size === to) settles++;
    }
    steps.push({ to, gained: share(gained, n), lost: share(lost, n), settles: share(settles, n) });
  }
  const count = (test: (s: ItemStanding) => boolean) => share(rows.filter((r) => test(r.standing)).length, n);
  const keyed = rows.map((row) => ({ row, rank: rank(row.standing, sizes), correct: row.correct.filter(Boolean).length, id: /^\d{1,15}$/.test(row.key) ? Number(row.key) : null }));
  keyed.sort((a, b) => a.rank - b.rank || b.correct - a.correct || (a.id !== null && b.id !== null ? a.id - b.id : compareKeys(a.row.key, b.row.key)));
  return {
    rows: keyed.map((k) => k.row),
    incomplete: matrix.items.length - n,
    steps,
    correctThroughout: count((s) => s.kind === "from" && s.size === 0),
    worse: count((s) => s.kind === "worse"),
    never: count((s) => s.kind === "never"),
  };
}

const share = (count: number, n: number) => (n === 0 ? 0 : count / n);

/** Item keys in natural order: doc 2 before doc 10. */
export const compareKeys = new Intl.Collator("en", { numeric: true }).compare;
