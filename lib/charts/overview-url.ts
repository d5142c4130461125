import { overviewQuerySchema, type OverviewQuery } from "@/lib/schemas/overview";
import { firstValues, parseSearchParams } from "./parse-search-params";

/** The overview's filters from its URL; invalid ones are dropped. */
export function toOverviewQuery(params: Record<string, string | string[] | undefined>): OverviewQuery {
  const { q, suite, family, metric, filter, verdict, x, sort, limit } = firstValues(params);
  return parseSearchParams(overviewQuerySchema, { q, suite, family, metric, filter, verdict, x, sort, limit });
}
