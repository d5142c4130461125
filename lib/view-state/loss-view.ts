import type { LossQuery } from "@/lib/schemas/loss-axis";

/** The loss view's API query: the task view and the reference when chosen. */
export function toLossSearch(q: LossQuery): string {
  const params = new URLSearchParams({ task: q.task });
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  if (q.ref) params.set("ref", q.ref);
  if (q.refShots !== undefined) params.set("refShots", String(q.refShots));
  return params.toString();
}
