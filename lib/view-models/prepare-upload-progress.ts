/** How far the previews of a multi-file upload are: the numbers a progress bar and its label show. */
export type UploadProgress = { done: number; total: number; failed: number; label: string } | null;

/**
 * The previews' progress across every listed file (each pick or drop is one
 * request, so files finish a batch at a time); null for fewer than two files,
 * where a bar says nothing a card does not.
 */
export function prepareUploadProgress(previews: ReadonlyArray<{ status: "pending" | "error" | "success" }>): UploadProgress {
  const total = previews.length;
  if (total < 2) return null;
  const failed = previews.filter((p) => p.status === "error").length;
  const done = previews.filter((p) => p.status !== "pending").length;
  const tail = failed > 0 ? `, ${failed} failed` : "";
  return { done, total, failed, label: done === total ? `All ${total} files previewed${tail}` : `Previewed ${done} of ${total} files${tail}` };
}
