import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { modelCheckpointsResponseSchema, modelRegistryResponseSchema } from "@/lib/schemas/model-registry";
import { queryKeys } from "./query-keys";

export function modelRegistryQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.models.registry(),
    queryFn: ({ signal }) => fetchJson("/api/models", modelRegistryResponseSchema, signal),
  });
}

export function useModelRegistryQuery() {
  return useQuery(modelRegistryQueryOptions());
}

/** A model's checkpoints, fetched only while its list is open. */
export function useModelCheckpointsQuery(id: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.models.checkpoints(id),
    queryFn: ({ signal }) => fetchJson(`/api/models/${id}/checkpoints`, modelCheckpointsResponseSchema, signal),
    enabled,
  });
}
