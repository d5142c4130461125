import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { overviewResponseSchema, type OverviewQuery } from "@/lib/schemas/overview";
import { toOverviewSearch } from "@/lib/view-state/overview-view";
import { queryKeys } from "./query-keys";

export function overviewQueryOptions(q: OverviewQuery) {
  return queryOptions({
    queryKey: queryKeys.overview.list(q),
    queryFn: ({ signal }) => fetchJson(`/api/overview?${toOverviewSearch(q)}`, overviewResponseSchema, signal),
  });
}

/** While re-analyses are queued, asks again every 5 s so the ranking catches up. */
export function useOverviewQuery(q: OverviewQuery) {
  return useQuery({
    ...overviewQueryOptions(q),
    placeholderData: (previous) => previous,
    refetchInterval: (query) => ((query.state.data?.pendingViews ?? 0) > 0 ? 5_000 : false),
  });
}
