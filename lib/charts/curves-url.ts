import { curvesQuerySchema, type CurvesQuery } from "@/lib/schemas/curves";
import { familiesParamSchema } from "@/lib/schemas/figures";
import { firstValues, parseSearchParams } from "./parse-search-params";

/** A task page's view state from its URL; invalid parameters fall back to defaults. */
export function toCurvesQuery(task: string, params: Record<string, string | string[] | undefined>): CurvesQuery {
  const { metric, shots, filter, x, model } = firstValues(params);
  return parseSearchParams(curvesQuerySchema, { task, metric, shots, filter, x, model }, ["task"]);
}

/** The families a task page's URL narrows its chart to (`families=A,B`); undefined: all, or a bad value. */
export function toPageFamilies(params: Record<string, string | string[] | undefined>): string[] | undefined {
  const parsed = familiesParamSchema.safeParse(firstValues(params).families);
  return parsed.success ? parsed.data : undefined;
}

/** The URL query string that reproduces a view (and, on the task page, its families). */
export function toPageSearch(q: CurvesQuery, families?: string[]): string {
  const params = new URLSearchParams();
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  params.set("x", q.x);
  if (q.x === "checkpoint" && q.model) params.set("model", q.model);
  if (families && families.length > 0) params.set("families", families.join(","));
  return params.toString();
}
