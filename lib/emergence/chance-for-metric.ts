/** What the registry says about one metric of one task (task_metric), if anything. */
export type TaskMetricChance = { chance: number | null; source: string | null } | null;

/**
 * The chance level of a task under one metric. An entry for this task and metric
 * (data/registry/task-metrics.csv) decides, including "none" (a source with no
 * level). Otherwise the task's chance level (data/registry/tasks.csv, the random-guess
 * score of its accuracy-type metric) applies to metrics that are proportions where
 * higher is better (bounds [0, 1]); it says nothing about perplexity, BLEU or a bias
 * score, nor about a metric whose direction is unknown.
 */
export function chanceForMetric(
  taskChance: number | null,
  metric: { higherIsBetter: boolean | null; lowerBound: number | null; upperBound: number | null },
  taskMetric: TaskMetricChance = null,
): number | null {
  if (taskMetric !== null && taskMetric.source !== null) return taskMetric.chance;
  const accuracyLike = metric.higherIsBetter === true && metric.lowerBound === 0 && metric.upperBound === 1;
  return accuracyLike ? taskChance : null;
}
