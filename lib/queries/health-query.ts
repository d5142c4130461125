import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { healthResponseSchema } from "@/lib/schemas/health";
import { queryKeys } from "./query-keys";

export function healthQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.health,
    queryFn: ({ signal }) => fetchJson("/api/health", healthResponseSchema, signal),
  });
}

/** The database and the analysis queue, read again every 5 s while the page is open. */
export function useHealthQuery() {
  return useQuery({ ...healthQueryOptions(), refetchInterval: 5_000 });
}
