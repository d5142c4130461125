"use client";

import { Fact } from "@/components/fact";
import { ApiRequestError } from "@/lib/queries/request-api";
import type { FilePreviewState } from "@/lib/view-models/preview-batches";
import { prepareFilePreview } from "@/lib/view-models/prepare-upload-preview";
import { toLoadState } from "@/lib/queries/load-state";
import type { FilePreview } from "@/lib/schemas/uploads";
import { QueryFrame } from "@/components/query-frame";

function NameList({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return "—";
  if (names.length <= 12) return names.join(", ");
  return (
    <details>
      <summary>{names.length} {label}</summary>
      {names.join(", ")}
    </details>
  );
}

function PreviewBody({ file }: { file: FilePreview }) {
  const p = prepareFilePreview(file);
  return (
    <>
      <p>
        <span className={`badge upload-status upload-status-${p.status}`}>{p.statusLabel}</span>
      </p>
      {p.problems.length > 0 && (
        <ul className="problems error" aria-label={`Problems in ${file.fileName}`}>
          {p.problems.map((problem, i) => <li key={i}>{problem}</li>)}
        </ul>
      )}
      <dl className="preview-facts">
        <Fact term="Format">{p.format}</Fact>
        {p.counts.map((c) => <Fact key={c.label} term={c.label}>{c.value}</Fact>)}
        <Fact term="Tasks"><NameList label="tasks" names={p.tasks} /></Fact>
        <Fact term="Metrics"><NameList label="metrics" names={p.metrics} /></Fact>
        <Fact term="Shots">{p.shots}</Fact>
      </dl>
      {p.models.length > 0 && (
        <table aria-label={`Models in ${file.fileName}`}>
          <thead>
            <tr><th scope="col">Model</th><th scope="col">Family</th><th scope="col">Scale</th></tr>
          </thead>
          <tbody>
            {p.models.map((m) => (
              <tr key={m.name}>
                <td>{m.name}</td>
                <td>{m.family}</td>
                <td className={m.unknown ? "scale-unknown" : undefined}>{m.scale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** One picked file and its dry run: waiting for a token, previewing, the API's error, or the preview. */
export function FilePreviewCard({ path, preview, hasToken, onRemove, onRetry, disabled }: {
  path: string;
  preview: FilePreviewState<FilePreview>;
  hasToken: boolean;
  onRemove: () => void;
  /** previews this file's batch again */
  onRetry: () => void;
  disabled: boolean;
}) {
  const state = toLoadState(preview, () => null);
  const error = preview.error;
  return (
    <li className="card upload-card">
      <article aria-label={`Preview of ${path}`}>
        <div className="card-head">
          <h3>{path}</h3>
          <button type="button" onClick={onRemove} disabled={disabled} aria-label={`Remove ${path}`}>Remove</button>
        </div>
        {!hasToken ? (
          <p className="muted">Set an API token above to preview this file.</p>
        ) : state.kind === "error" ? (
          <div role="alert" className="error">
            <p>
              Preview failed{error instanceof ApiRequestError ? ` (HTTP ${error.status})` : ""}: {state.message}
            </p>
            {preview.batchSize > 1 && (
              <p className="muted">
                This file was previewed in one request with {preview.batchSize - 1} other file(s), and the request failed as a whole:
                remove the file the message names, and the rest are previewed again.
              </p>
            )}
            <button type="button" onClick={onRetry}>Try again</button>
          </div>
        ) : (
          <QueryFrame state={state}>{(data) => <PreviewBody file={data} />}</QueryFrame>
        )}
      </article>
    </li>
  );
}
