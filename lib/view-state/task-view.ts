import { curvesQuerySchema, type CurvesQuery } from "@/lib/schemas/curves";
import { familiesParamSchema } from "@/lib/schemas/figures";
import { firstValues, parseSearchParams, type SearchParams } from "./search-params";

/**
 * A task view in a URL: the one encoder and decoder of its parameters, used by
 * the task page, its query hooks and cache keys, the overview's links, the
 * export menu and the figure route's "reproduce" line.
 */

/** A task page's view from its URL; invalid parameters fall back to defaults. */
export function readTaskView(task: string, params: SearchParams): CurvesQuery {
  const { metric, shots, filter, x, model } = firstValues(params);
  return parseSearchParams(curvesQuerySchema, { task, metric, shots, filter, x, model }, ["task"]);
}

/** The families a task page's URL narrows its chart to (`families=A,B`); undefined: all, or a bad value. */
export function readTaskFamilies(params: SearchParams): string[] | undefined {
  const parsed = familiesParamSchema.safeParse(firstValues(params).families);
  return parsed.success ? parsed.data : undefined;
}

/** The view's parameters in one fixed order, so the same view always gives the same URL. */
export function writeTaskView(q: CurvesQuery, families?: string[]): URLSearchParams {
  const params = new URLSearchParams();
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  params.set("x", q.x);
  if (q.x === "checkpoint" && q.model) params.set("model", q.model);
  if (families && families.length > 0) params.set("families", families.join(","));
  return params;
}

/** The task page's query string (with the families it draws). */
export function toTaskSearch(q: CurvesQuery, families?: string[]): string {
  return writeTaskView(q, families).toString();
}

/** The link to a task page showing this view. */
export function toTaskHref(q: CurvesQuery, families?: string[]): string {
  return `/tasks/${encodeURIComponent(q.task)}?${toTaskSearch(q, families)}`;
}

/** The API's query of the view (`/api/curves`, `/api/analysis`): the task, then the page's parameters. */
export function toTaskApiSearch(q: CurvesQuery): string {
  return `task=${encodeURIComponent(q.task)}&${toTaskSearch(q)}`;
}
