import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { comparisonResponseSchema, type ComparisonQuery } from "@/lib/schemas/comparison";
import { queryKeys } from "./query-keys";

export function toComparisonSearch(q: ComparisonQuery): string {
  const params = new URLSearchParams({ task: q.task });
  if (q.shots !== undefined) params.set("shots", String(q.shots));
  if (q.filter) params.set("filter", q.filter);
  params.set("x", q.x);
  if (q.metrics) params.set("metrics", q.metrics);
  return params.toString();
}

export function comparisonQueryOptions(q: ComparisonQuery) {
  return queryOptions({
    queryKey: queryKeys.comparison.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/comparison?${toComparisonSearch(q)}`, comparisonResponseSchema, signal),
  });
}

export function useComparisonQuery(q: ComparisonQuery) {
  return useQuery({ ...comparisonQueryOptions(q), placeholderData: (previous) => previous });
}
