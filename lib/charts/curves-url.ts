import { curvesQuerySchema, type CurvesQuery } from "@/lib/schemas/curves";

type Params = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * A task page's view state from its URL. Invalid parameters are dropped (the
 * page falls back to defaults) rather than breaking the page.
 */
export function toCurvesQuery(task: string, params: Params): CurvesQuery {
  const candidate = { task, metric: first(params.metric), shots: first(params.shots), x: first(params.x) };
  const parsed = curvesQuerySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const cleaned = Object.fromEntries(Object.entries(candidate).filter(([k]) => !bad.has(k) || k === "task"));
  return curvesQuerySchema.parse(cleaned);
}

/** The URL query string that reproduces a view. */
export function toPageSearch(q: CurvesQuery): string {
  const params = new URLSearchParams();
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  params.set("x", q.x);
  return params.toString();
}
