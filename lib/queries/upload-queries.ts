import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import type { PreviewBatch } from "@/lib/view-models/preview-batches";
import type { FilePreview, ModelMapping } from "@/lib/schemas/uploads";
import { invalidateResultViews } from "./invalidate-result-views";
import { postUpload } from "./post-upload";
import { queryKeys } from "./query-keys";

export type PickedUpload = { id: string; file: File };

/**
 * The dry run of each batch of picked files (lib/charts/preview-batches.ts):
 * one multipart request per batch, answered with one preview per file in the
 * order sent. Waits for a token; never retried (a 4xx will not change, and
 * each try counts against the upload rate). Dropped from the cache as soon as
 * the batch leaves the page, so picking the files again (after a commit)
 * previews what is stored now.
 */
export function useUploadPreviews(batches: readonly PreviewBatch<PickedUpload>[], token: string | null, tokenEpoch: number) {
  return useQueries({
    queries: batches.map((batch) => ({
      queryKey: queryKeys.uploads.preview(batch.id, tokenEpoch),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<FilePreview[]> => {
        const res = await postUpload({ files: batch.sent.map((p) => p.file), token: token!, dryRun: true, signal });
        if (!("dryRun" in res)) throw new Error("the server stored the files instead of previewing them");
        if (res.files.length !== batch.sent.length) {
          throw new Error(`the server previewed ${res.files.length} of the ${batch.sent.length} files sent`);
        }
        return res.files;
      },
      enabled: token !== null,
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
    })),
  });
}

export type CommitUploadInput = { files: readonly File[]; token: string; models: readonly ModelMapping[] };

/** Commits the files with their model mappings, then invalidates every view an upload can change. */
export function useCommitUploadMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CommitUploadInput) => postUpload({ ...input, dryRun: false }),
    onSuccess: () => invalidateResultViews(client),
  });
}
