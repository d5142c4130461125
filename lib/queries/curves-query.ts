import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { curvesResponseSchema, type CurvesQuery } from "@/lib/schemas/curves";
import { toPageSearch } from "@/lib/charts/curves-url";
import { queryKeys } from "./query-keys";

/** The API query of a task view: the page's own URL parameters plus the task. */
export function toCurvesSearch(q: CurvesQuery): string {
  return `task=${encodeURIComponent(q.task)}&${toPageSearch(q)}`;
}

export function curvesQueryOptions(q: CurvesQuery) {
  return queryOptions({
    queryKey: queryKeys.curves.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/curves?${toCurvesSearch(q)}`, curvesResponseSchema, signal),
  });
}

export function useCurvesQuery(q: CurvesQuery) {
  return useQuery({ ...curvesQueryOptions(q), placeholderData: (previous) => previous });
}
