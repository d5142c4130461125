import { curvesQuerySchema, type CurvesQuery } from "@/lib/schemas/curves";
import { firstValues, parseSearchParams } from "./parse-search-params";

/** A task page's view state from its URL; invalid parameters fall back to defaults. */
export function toCurvesQuery(task: string, params: Record<string, string | string[] | undefined>): CurvesQuery {
  const { metric, shots, x, model } = firstValues(params);
  return parseSearchParams(curvesQuerySchema, { task, metric, shots, x, model }, ["task"]);
}

/** The URL query string that reproduces a view. */
export function toPageSearch(q: CurvesQuery): string {
  const params = new URLSearchParams();
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  params.set("x", q.x);
  if (q.x === "checkpoint" && q.model) params.set("model", q.model);
  return params.toString();
}
