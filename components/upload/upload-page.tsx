"use client";

import { useState } from "react";
import { ApiRequestError } from "@/lib/queries/request-api";
import { pickUploadFiles } from "@/lib/view-models/pick-upload-files";
import { addBatch, listedFiles, removeFile, resendBatch, toFilePreviewState, type PreviewBatch } from "@/lib/view-models/preview-batches";
import { prepareCommitResult, type CommitResultModel } from "@/lib/view-models/prepare-commit-result";
import { toUnknownModels } from "@/lib/view-models/prepare-upload-preview";
import { prepareUploadProgress } from "@/lib/view-models/prepare-upload-progress";
import { toModelMappings, type MappingDraft } from "@/lib/view-models/to-model-mappings";
import { useCommitUploadMutation, useUploadPreviews } from "@/lib/queries/upload-queries";
import type { FilePreview } from "@/lib/schemas/uploads";
import { CommitResult } from "./commit-result";
import { FilePicker } from "./file-picker";
import { FilePreviewCard } from "./file-preview-card";
import { ModelMappingForm } from "./model-mapping-form";
import type { DroppedFile } from "./read-dropped-files";
import { TokenPanel } from "./token-panel";
import { useSessionToken } from "./use-session-token";

type Listed = { id: string; file: File; path: string };

let batchCount = 0;
const newBatchId = () => `batch-${++batchCount}`;

function blockedReason(count: number, token: string | null, previews: readonly { status: string; data?: FilePreview }[], mappingErrors: number): string | null {
  if (token === null) return "Set an API token first.";
  if (count === 0) return "Add files to commit.";
  if (previews.some((p) => p.status === "pending")) return "Waiting for every preview.";
  if (previews.some((p) => p.status === "error")) return "A preview failed: remove that file or try again.";
  if (previews.some((p) => p.data && (!p.data.ok || p.data.problems.length > 0))) return "Remove the files with problems to commit the rest.";
  if (mappingErrors > 0) return "Fix the model mappings above.";
  return null;
}

/** /upload: token, files, a dry-run preview per file (one request per pick), model mappings, commit. */
export function UploadPage() {
  const { token, epoch, setToken, clearToken } = useSessionToken();
  const [batches, setBatches] = useState<PreviewBatch<Listed>[]>([]);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [drafts, setDrafts] = useState<Record<string, MappingDraft | undefined>>({});
  const [result, setResult] = useState<CommitResultModel | null>(null);
  const batchQueries = useUploadPreviews(batches, token, epoch);
  const commit = useCommitUploadMutation();

  const failed = new Set(batches.filter((_, i) => batchQueries[i]?.status === "error").map((b) => b.id));
  const rows = batches.flatMap((batch, i) => batch.kept.map((l) => ({ listed: l, batch, preview: toFilePreviewState(batch, batchQueries[i], l.id) })));
  const listed = listedFiles(batches);
  const previews = rows.map((r) => r.preview);
  const ready = previews.flatMap((p) => (p.data ? [p.data] : []));
  const unknown = toUnknownModels(ready);
  const { mappings, errors } = toModelMappings(unknown, drafts);
  const progress = prepareUploadProgress(previews);
  const blocked = blockedReason(listed.length, token, previews, Object.keys(errors).length);

  const add = (files: DroppedFile[]) => {
    const ids = new Set(listed.map((l) => l.id));
    const meta = files.map((d) => ({ name: d.file.name, path: d.path, size: d.file.size, lastModified: d.file.lastModified, file: d.file }));
    const fromFolder = pickUploadFiles(meta.filter((_, i) => files[i].fromFolder), ids, true);
    const single = pickUploadFiles(meta.filter((_, i) => !files[i].fromFolder), new Set([...ids, ...fromFolder.added.map((f) => f.id)]), false);
    const added = [...fromFolder.added, ...single.added].map((f) => ({ id: f.id, file: f.file, path: f.path }));
    setBatches((prev) => addBatch(prev, newBatchId(), added));
    setIgnored(fromFolder.ignored);
    setResult(null);
    commit.reset();
  };

  const submit = () => {
    if (token === null || blocked !== null) return;
    const committed = ready;
    commit.mutate(
      { files: listed.map((l) => l.file), token, models: mappings },
      {
        onSuccess: (response) => {
          setResult(prepareCommitResult(response, committed));
          setBatches([]);
          setDrafts({});
          setIgnored([]);
        },
      },
    );
  };

  return (
    <>
      <TokenPanel hasToken={token !== null} onSet={setToken} onClear={clearToken} />
      <FilePicker onFiles={add} disabled={commit.isPending} />
      {ignored.length > 0 && <p className="muted">Left out {ignored.length} file(s) that are not .json, .csv, .jsonl or .eval: {ignored.join(", ")}.</p>}
      {listed.length > 0 && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          {progress && (
            <p className="muted">
              <progress max={progress.total} value={progress.done} aria-label="Previews done" /> {progress.label}
            </p>
          )}
          <ul className="upload-cards">
            {rows.map(({ listed: l, batch, preview }) => (
              <FilePreviewCard
                key={l.id}
                path={l.path}
                preview={preview}
                hasToken={token !== null}
                disabled={commit.isPending}
                onRetry={() => setBatches((prev) => resendBatch(prev, batch.id, newBatchId()))}
                onRemove={() => setBatches((prev) => removeFile(prev, l.id, (id) => failed.has(id), newBatchId()))}
              />
            ))}
          </ul>
        </section>
      )}
      <ModelMappingForm
        names={unknown}
        drafts={drafts}
        errors={errors}
        disabled={commit.isPending}
        onChange={(name, draft) => setDrafts((prev) => ({ ...prev, [name]: draft }))}
      />
      {listed.length > 0 && (
        <section aria-label="Commit" className="commit">
          <button type="button" onClick={submit} disabled={blocked !== null || commit.isPending}>
            {commit.isPending ? "Committing…" : `Commit ${listed.length} file${listed.length === 1 ? "" : "s"}`}
          </button>{" "}
          {commit.isPending ? (
            <span role="status">
              {listed.length > 1 && <progress aria-label={`Storing ${listed.length} files`} />} Storing the results of {listed.length} file
              {listed.length === 1 ? "" : "s"} in one transaction and refreshing the analysis…
            </span>
          ) : (
            blocked && <span className="muted">{blocked}</span>
          )}
        </section>
      )}
      {commit.isError && (
        <p role="alert" className="error">
          Commit failed{commit.error instanceof ApiRequestError ? ` (HTTP ${commit.error.status})` : ""}: {commit.error.message}
        </p>
      )}
      {result && <CommitResult result={result} />}
    </>
  );
}
