import type { z } from "zod";

/** Search params as Next hands them to a page. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** First value of each parameter, as Next hands search params to a page. */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/**
 * A page's view state from its URL. Invalid parameters are dropped (the page
 * falls back to their defaults) rather than breaking the page; `keep` names
 * parameters that are never dropped (the task of a task page).
 */
export function parseSearchParams<S extends z.ZodType>(schema: S, candidate: Record<string, unknown>, keep: string[] = []): z.infer<S> {
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const cleaned = Object.fromEntries(Object.entries(candidate).filter(([k]) => !bad.has(k) || keep.includes(k)));
  return schema.parse(cleaned);
}
