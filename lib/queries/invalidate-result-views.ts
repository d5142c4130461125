import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "./query-keys";

/**
 * Marks stale every view that shows stored results, after an upload or a
 * deletion changed them: the upload history, tasks, curves, analyses, metric
 * comparisons, forecasts, pooled curves, items, loss views, the overview, and the model registry (a commit can save model mappings).
 */
export async function invalidateResultViews(client: QueryClient): Promise<void> {
  const keys = [
    queryKeys.uploads.lists,
    queryKeys.tasks.all,
    queryKeys.curves.all,
    queryKeys.analysis.all,
    queryKeys.comparison.all,
    queryKeys.forecast.all,
    queryKeys.pooled.all,
    queryKeys.items.all,
    queryKeys.loss.all,
    queryKeys.overview.all,
    queryKeys.models.all,
  ];
  await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}
