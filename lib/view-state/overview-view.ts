import { overviewQuerySchema, type OverviewQuery } from "@/lib/schemas/overview";
import { firstValues, parseSearchParams } from "./search-params";

/** The overview's filters and page from its URL; invalid ones are dropped. */
export function toOverviewQuery(params: Record<string, string | string[] | undefined>): OverviewQuery {
  const { q, suite, family, metric, filter, verdict, x, sort, limit, offset } = firstValues(params);
  return parseSearchParams(overviewQuerySchema, { q, suite, family, metric, filter, verdict, x, sort, limit, offset });
}

/** The overview's API query: every filter that is set. */
export function toOverviewSearch(q: OverviewQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value !== undefined && value !== "") params.set(key, String(value));
  return params.toString();
}
