import type { PooledQuery } from "@/lib/schemas/pooled";

/** The pooled curve's API query: the task view on a scale axis. */
export function toPooledSearch(q: PooledQuery): string {
  const params = new URLSearchParams({ task: q.task });
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  params.set("x", q.x);
  return params.toString();
}
