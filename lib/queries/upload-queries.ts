import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import type { FilePreview, ModelMapping } from "@/lib/schemas/uploads";
import { postUpload } from "./post-upload";
import { queryKeys } from "./query-keys";

export type PickedUpload = { id: string; file: File };

/**
 * The dry run of each picked file, one request per file so that one unreadable
 * file does not hide the others' previews. Waits for a token; never retried
 * (a 4xx will not change, and each try counts against the upload rate).
 * Dropped from the cache as soon as the file leaves the list, so picking it
 * again (after a commit) previews what is stored now.
 */
export function useUploadPreviews(picked: readonly PickedUpload[], token: string | null, tokenEpoch: number) {
  return useQueries({
    queries: picked.map(({ id, file }) => ({
      queryKey: queryKeys.uploads.preview(id, tokenEpoch),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<FilePreview> => {
        const res = await postUpload({ files: [file], token: token!, dryRun: true, signal });
        if (!("dryRun" in res)) throw new Error("the server stored the file instead of previewing it");
        return res.files[0];
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
    onSuccess: async () => {
      await Promise.all(
        [queryKeys.tasks.all, queryKeys.curves.all, queryKeys.analysis.all, queryKeys.overview.all, queryKeys.models.all].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
