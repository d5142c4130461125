import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/queries/request-api";
import { listUploadsResponseSchema, uploadResponseSchema } from "@/lib/schemas/uploads";
import { queryKeys } from "./query-keys";

export type UploadsRange = { limit: number; offset: number };

/** What identifies a token in a query key: its first characters, as token lists show them, never the secret. */
const viewerOf = (token: string | null) => (token === null ? null : token.slice(0, 12));

/** The upload history read anonymously (as the page is rendered on the server) or with the tab's token (token names shown). */
export function uploadsQueryOptions(range: UploadsRange, token: string | null = null) {
  return queryOptions({
    queryKey: queryKeys.uploads.list(range, viewerOf(token)),
    queryFn: ({ signal }) => fetchJson(`/api/uploads?limit=${range.limit}&offset=${range.offset}`, listUploadsResponseSchema, signal, token),
  });
}

/** No placeholder from the previous page: its rows would show under the new page's "Uploads 21–40" label. */
export function useUploadsQuery(range: UploadsRange, token: string | null = null) {
  return useQuery(uploadsQueryOptions(range, token));
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
