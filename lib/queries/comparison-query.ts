import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { comparisonResponseSchema, type ComparisonQuery } from "@/lib/schemas/comparison";
import { toComparisonSearch } from "@/lib/view-state/comparison-view";
import { queryKeys } from "./query-keys";

export function comparisonQueryOptions(q: ComparisonQuery) {
  return queryOptions({
    queryKey: queryKeys.comparison.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/comparison?${toComparisonSearch(q)}`, comparisonResponseSchema, signal),
  });
}

export function useComparisonQuery(q: ComparisonQuery) {
  return useQuery({ ...comparisonQueryOptions(q), placeholderData: (previous) => previous });
}
