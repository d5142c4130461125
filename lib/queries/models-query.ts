import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { listModelsResponseSchema } from "@/lib/schemas/models";
import { queryKeys } from "./query-keys";

export function modelsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.models.list(),
    // the upload's model mapping picks among every stored model
    queryFn: ({ signal }) => fetchJson("/api/models?limit=10000", listModelsResponseSchema, signal),
  });
}

export function useModelsQuery(enabled = true) {
  return useQuery({ ...modelsQueryOptions(), enabled });
}
