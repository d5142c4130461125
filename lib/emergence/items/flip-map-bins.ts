import type { FlipMap } from "./flip-map";

export type FlipBin = {
  /** rows [from, to) of the ordered flip map */
  from: number;
  to: number;
  /** per model, the share of the bin's items that are correct */
  correct: number[];
  /** per model, the bin's mean score (equal to `correct` under a 0/1 metric) */
  mean: number[];
  /** share of the bin's items that get worse with scale */
  worse: number;
};

/**
 * The ordered flip map folded into at most `maxBins` bins of consecutive rows, so a
 * task of 10,000+ items draws as a heat map of a few hundred rows (each cell the
 * share correct), while the staircase of the order survives.
 */
export function toFlipBins(map: FlipMap, sizes: number, maxBins = 240): FlipBin[] {
  const n = map.rows.length;
  if (n === 0) return [];
  const per = Math.ceil(n / maxBins);
  const bins: FlipBin[] = [];
  for (let from = 0; from < n; from += per) {
    const to = Math.min(n, from + per);
    const correct = new Array<number>(sizes).fill(0);
    const mean = new Array<number>(sizes).fill(0);
    let worse = 0;
    for (let r = from; r < to; r++) {
      const row = map.rows[r];
      if (row.standing.kind === "worse") worse++;
      for (let s = 0; s < sizes; s++) {
        if (row.correct[s]) correct[s]++;
        mean[s] += row.values[s];
      }
    }
    bins.push({ from, to, correct: correct.map((c) => c / (to - from)), mean: mean.map((m) => m / (to - from)), worse: worse / (to - from) });
  }
  return bins;
}
