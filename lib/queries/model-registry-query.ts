import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { modelCheckpointsResponseSchema, modelRegistryResponseSchema } from "@/lib/schemas/model-registry";
import { queryKeys } from "./query-keys";

/** Models a /models page shows: a page, never the whole registry (5,000 models are a 17,000-pixel page). */
export const MODELS_PAGE_SIZE = 50;

/** Which page of /models: the search (server-side: name, alias or family) and the first model's position. */
export type ModelsPage = { q: string; offset: number };

export function toModelsApiSearch(page: ModelsPage): string {
  const search = new URLSearchParams({ limit: String(MODELS_PAGE_SIZE), offset: String(page.offset) });
  if (page.q.trim() !== "") search.set("q", page.q.trim());
  return search.toString();
}

export function modelRegistryQueryOptions(page: ModelsPage = { q: "", offset: 0 }) {
  const search = toModelsApiSearch(page);
  return queryOptions({
    queryKey: queryKeys.models.registry(search),
    queryFn: ({ signal }) => fetchJson(`/api/models?${search}`, modelRegistryResponseSchema, signal),
    // the page stays on screen while the next one loads
    placeholderData: keepPreviousData,
  });
}

export function useModelRegistryQuery(page: ModelsPage) {
  return useQuery(modelRegistryQueryOptions(page));
}

/** A model's checkpoints, fetched only while its list is open. */
export function useModelCheckpointsQuery(id: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.models.checkpoints(id),
    queryFn: ({ signal }) => fetchJson(`/api/models/${id}/checkpoints`, modelCheckpointsResponseSchema, signal),
    enabled,
  });
}
