import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import type { CurvesQuery } from "@/lib/schemas/curves";
import { toTaskApiSearch } from "@/lib/view-state/task-view";
import { queryKeys } from "./query-keys";

export function analysisQueryOptions(q: CurvesQuery) {
  return queryOptions({
    queryKey: queryKeys.analysis.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/analysis?${toTaskApiSearch(q)}`, analysisResponseSchema, signal),
  });
}

/** While the view's re-analysis is queued, asks again every 2 s until it is stored. */
export function useAnalysisQuery(q: CurvesQuery) {
  return useQuery({
    ...analysisQueryOptions(q),
    placeholderData: (previous) => previous,
    refetchInterval: (query) => (query.state.data?.pending ? 2_000 : false),
  });
}
