/**
 * A task's chance level is the random-guess score of its accuracy-type metric
 * (data/registry/tasks.csv). It says nothing about perplexity, BLEU or a bias
 * score, so it applies only to higher-is-better metrics bounded to [0, 1].
 */
export function chanceForMetric(
  taskChance: number | null,
  metric: { higherIsBetter: boolean | null; lowerBound: number | null; upperBound: number | null },
): number | null {
  const accuracyLike = metric.higherIsBetter !== false && metric.lowerBound === 0 && metric.upperBound === 1;
  return accuracyLike ? taskChance : null;
}
