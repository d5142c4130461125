import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { pooledResponseSchema, type PooledQuery } from "@/lib/schemas/pooled";
import { toPooledSearch } from "@/lib/view-state/pooled-view";
import { queryKeys } from "./query-keys";

/** One view's families pooled on one curve. */
export function usePooledQuery(q: PooledQuery) {
  return useQuery({
    queryKey: queryKeys.pooled.detail(q),
    queryFn: ({ signal }) => fetchJson(`/api/pooled?${toPooledSearch(q)}`, pooledResponseSchema, signal),
  });
}
