import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, requestApi } from "@/lib/queries/request-api";
import { deleteUploadResponseSchema, type DeleteUploadResponse } from "@/lib/schemas/uploads";
import { invalidateResultViews } from "./invalidate-result-views";

export type DeleteUploadInput = { id: number; token: string };

/** DELETE /api/uploads/:id with the bearer token; a non-2xx answer throws ApiRequestError with the server's message. */
export function deleteUpload({ id, token }: DeleteUploadInput): Promise<DeleteUploadResponse> {
  return requestApi({ method: "DELETE", url: `/api/uploads/${id}`, token }, deleteUploadResponseSchema);
}

/**
 * Deletes an upload, then invalidates every view that could show its results.
 * A 404 means someone else deleted it first: the views are just as stale.
 */
export function useDeleteUploadMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteUpload,
    onSettled: async (_data, error) => {
      if (error && !(error instanceof ApiRequestError && error.status === 404)) return;
      await invalidateResultViews(client);
    },
  });
}
