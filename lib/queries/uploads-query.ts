import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetch-json";
import { listUploadsResponseSchema, uploadResponseSchema } from "@/lib/schemas/uploads";
import { queryKeys } from "./query-keys";

export type UploadsRange = { limit: number; offset: number };

export function uploadsQueryOptions(range: UploadsRange) {
  return queryOptions({
    queryKey: queryKeys.uploads.list(range),
    queryFn: ({ signal }) => fetchJson(`/api/uploads?limit=${range.limit}&offset=${range.offset}`, listUploadsResponseSchema, signal),
  });
}

/** No placeholder from the previous page: its rows would show under the new page's "Uploads 21–40" label. */
export function useUploadsQuery(range: UploadsRange) {
  return useQuery(uploadsQueryOptions(range));
}

export function uploadQueryOptions(id: number) {
  return queryOptions({
    queryKey: queryKeys.uploads.detail(id),
    queryFn: ({ signal }) => fetchJson(`/api/uploads/${id}`, uploadResponseSchema, signal),
  });
}

/**
 * One upload with its tasks, fetched when first shown. `fresh` refetches on
 * mount whatever the cache holds: the delete confirmation must count what is
 * stored now.
 */
export function useUploadQuery(id: number, { enabled = true, fresh = false } = {}) {
  return useQuery({ ...uploadQueryOptions(id), enabled, ...(fresh ? { staleTime: 0, refetchOnMount: "always" as const } : {}) });
}
