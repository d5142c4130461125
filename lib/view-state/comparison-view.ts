import type { ComparisonQuery } from "@/lib/schemas/comparison";

/** The metric comparison's API query: the task view without its metric, and the metrics compared. */
export function toComparisonSearch(q: ComparisonQuery): string {
  const params = new URLSearchParams({ task: q.task });
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  params.set("x", q.x);
  if (q.metrics) params.set("metrics", q.metrics);
  return params.toString();
}
