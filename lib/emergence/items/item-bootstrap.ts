import { createRandom } from "../random";
import { quantile } from "../quantile";

export type BootstrapOptions = { seed: number; draws?: number; level?: number };

/**
 * Items with the same scores under every model are interchangeable in a resample:
 * each distinct row of scores (a pattern) is kept once with the items that have it.
 * Under a 0/1 metric six models give at most 64 patterns however many items there are.
 */
function toPatterns(columns: ArrayLike<number>[], n: number): { patternOf: Uint32Array; values: number[][] } {
  const index = new Map<string, number>();
  const patternOf = new Uint32Array(n);
  const values: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = columns.map((column) => column[i]);
    const key = row.join(",");
    let p = index.get(key);
    if (p === undefined) {
      p = values.length;
      index.set(key, p);
      values.push(row);
    }
    patternOf[i] = p;
  }
  return { patternOf, values };
}

/**
 * Item-bootstrap percentile intervals of every model's mean score (Efron &
 * Tibshirani 1993, ch. 13): each draw resamples the items with replacement and
 * takes every model's mean over the same resample, so the intervals reflect which
 * items the task happened to contain. `columns[m][i]` is model m's score of item i
 * (the same items for every model). A draw counts how often each pattern of
 * scores was picked, so its cost is the n picks plus one pass over the patterns.
 * Seeded: the same inputs give the same intervals. Null for a model without items.
 */
export function itemBootstrapIntervals(columns: ArrayLike<number>[], options: BootstrapOptions): ([number, number] | null)[] {
  const draws = options.draws ?? 1000;
  const alpha = 1 - (options.level ?? 0.95);
  const n = columns[0]?.length ?? 0;
  if (n === 0) return columns.map(() => null);
  const { patternOf, values } = toPatterns(columns, n);
  const random = createRandom(options.seed);
  const means = columns.map(() => new Float64Array(draws));
  const counts = new Uint32Array(values.length);
  for (let d = 0; d < draws; d++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[patternOf[Math.floor(random.uniform() * n)]]++;
    for (let m = 0; m < columns.length; m++) {
      let sum = 0;
      for (let p = 0; p < values.length; p++) sum += counts[p] * values[p][m];
      means[m][d] = sum / n;
    }
  }
  return means.map((sample) => {
    sample.sort();
    return [quantile(sample, alpha / 2), quantile(sample, 1 - alpha / 2)];
  });
}
