import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { curvesResponseSchema, type CurvesQuery } from "@/lib/schemas/curves";
import { queryKeys } from "./query-keys";

export function toCurvesSearch(q: CurvesQuery): string {
  const params = new URLSearchParams({ task: q.task, x: q.x });
  if (q.metric) params.set("metric", q.metric);
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.model) params.set("model", q.model);
  return params.toString();
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
