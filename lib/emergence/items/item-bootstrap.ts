import { createRandom } from "../random";
import { quantile } from "../quantile";

export type BootstrapOptions = { seed: number; draws?: number; level?: number };

/**
 * Item-bootstrap percentile intervals of every model's mean score (Efron &
 * Tibshirani 1993, ch. 13): each draw resamples the items with replacement and
 * takes every model's mean over the same resample, so the intervals reflect which
 * items the task happened to contain. `columns[m][i]` is model m's score of item i
 * (the same items for every model). Seeded: the same inputs give the same intervals.
 * Null for a model without items.
 */
export function itemBootstrapIntervals(columns: ArrayLike<number>[], options: BootstrapOptions): ([number, number] | null)[] {
  const draws = options.draws ?? 1000;
  const alpha = 1 - (options.level ?? 0.95);
  const n = columns[0]?.length ?? 0;
  if (n === 0) return columns.map(() => null);
  const random = createRandom(options.seed);
  const means = columns.map(() => new Float64Array(draws));
  const picks = new Uint32Array(n);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < n; i++) picks[i] = Math.floor(random.uniform() * n);
    for (let m = 0; m < columns.length; m++) {
      const column = columns[m];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += column[picks[i]];
      means[m][d] = sum / n;
    }
  }
  return means.map((sample) => {
    sample.sort();
    return [quantile(sample, alpha / 2), quantile(sample, 1 - alpha / 2)];
  });
}
