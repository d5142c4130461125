/**
 * Files previewed together: the files of one pick or drop go to the API in ONE
 * multipart dry-run request (one slot of the upload rate limit, however many
 * files), and the answer's previews come back in the order they were sent.
 * `sent` is that order; `kept` the files still listed. A file removed from a
 * batch whose preview succeeded just leaves `kept` (its neighbours' previews
 * stay valid); removed from a failed batch, the rest is sent again under a new
 * id, since the failure may have been the removed file's.
 */
export type PreviewBatch<F extends { id: string }> = { id: string; sent: readonly F[]; kept: readonly F[] };

/** One file's share of its batch's request, in the shape `toLoadState` reads. */
export type FilePreviewState<T> = {
  status: "pending" | "error" | "success";
  data?: T;
  error: Error | null;
  /** how many files went in the same request (an error is the whole request's) */
  batchSize: number;
};

export type BatchQueryState<T> = { status: "pending" | "error" | "success"; data?: readonly T[]; error: Error | null };

export function addBatch<F extends { id: string }>(batches: readonly PreviewBatch<F>[], id: string, files: readonly F[]): PreviewBatch<F>[] {
  return files.length === 0 ? [...batches] : [...batches, { id, sent: files, kept: files }];
}

/** The files still listed, in the order they were added. */
export function listedFiles<F extends { id: string }>(batches: readonly PreviewBatch<F>[]): F[] {
  return batches.flatMap((b) => b.kept);
}

/** Sends a batch's kept files again, as a new request. */
export function resendBatch<F extends { id: string }>(batches: readonly PreviewBatch<F>[], batchId: string, newId: string): PreviewBatch<F>[] {
  return batches.map((b) => (b.id === batchId ? { id: newId, sent: b.kept, kept: b.kept } : b));
}

export function removeFile<F extends { id: string }>(
  batches: readonly PreviewBatch<F>[],
  fileId: string,
  failed: (batchId: string) => boolean,
  newId: string,
): PreviewBatch<F>[] {
  return batches.flatMap((b) => {
    if (!b.kept.some((f) => f.id === fileId)) return [b];
    const kept = b.kept.filter((f) => f.id !== fileId);
    if (kept.length === 0) return [];
    return failed(b.id) ? [{ id: newId, sent: kept, kept }] : [{ ...b, kept }];
  });
}

/** A file's preview out of its batch's answer, matched by the position it was sent at. */
export function toFilePreviewState<F extends { id: string }, T>(
  batch: PreviewBatch<F>,
  query: BatchQueryState<T>,
  fileId: string,
): FilePreviewState<T> {
  const batchSize = batch.sent.length;
  if (query.status !== "success") return { status: query.status, error: query.error, batchSize };
  const at = batch.sent.findIndex((f) => f.id === fileId);
  const data = at === -1 ? undefined : query.data?.[at];
  if (data === undefined) return { status: "error", error: new Error("the server's answer has no preview for this file"), batchSize };
  return { status: "success", data, error: null, batchSize };
}
