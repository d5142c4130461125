import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { curvesResponseSchema, type CurvesQuery } from "@/lib/schemas/curves";
import { toTaskApiSearch } from "@/lib/view-state/task-view";
import { queryKeys } from "./query-keys";

export function curvesQueryOptions(q: CurvesQuery) {
  return queryOptions({
    queryKey: queryKeys.curves.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/curves?${toTaskApiSearch(q)}`, curvesResponseSchema, signal),
  });
}

export function useCurvesQuery(q: CurvesQuery) {
  return useQuery({ ...curvesQueryOptions(q), placeholderData: (previous) => previous });
}
