import type { ForecastQuery } from "@/lib/schemas/forecast";

/** The forecast's API query: the task view, the form, and the cutoff and level when chosen. */
export function toForecastSearch(q: ForecastQuery): string {
  const params = new URLSearchParams({ task: q.task });
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  params.set("x", q.x);
  params.set("form", q.form);
  if (q.cutoff !== undefined) params.set("cutoff", String(q.cutoff));
  params.set("level", String(q.level));
  if (q.reach !== undefined) params.set("reach", String(q.reach));
  return params.toString();
}
