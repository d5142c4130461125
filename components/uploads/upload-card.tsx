"use client";

import { Fact } from "@/components/fact";
import type { DeletionSubject } from "@/lib/view-models/prepare-upload-deletion";
import { prepareUploadRecord } from "@/lib/view-models/prepare-upload-record";
import type { UploadRecord } from "@/lib/schemas/uploads";
import { CopyButton } from "./copy-button";
import { DeleteConfirmation } from "./delete-confirmation";
import { UploadTaskLinks } from "./upload-task-links";

export type DeleteControl = {
  hasToken: boolean;
  confirming: boolean;
  pending: boolean;
  error: Error | null;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: (subject: DeletionSubject) => void;
};

/** One upload's provenance, its task pages, and its Delete action. */
export function UploadCard({ record, del }: { record: UploadRecord; del: DeleteControl }) {
  const r = prepareUploadRecord(record);
  return (
    <li className="card upload-card">
      <article aria-label={`Upload ${r.id}: ${r.fileName}`}>
        <div className="card-head">
          <h3>{r.fileName}</h3>
          <button
            type="button"
            onClick={del.onAsk}
            disabled={!del.hasToken || del.confirming}
            title={del.hasToken ? undefined : "Set an API token above to delete"}
            aria-label={`Delete ${r.fileName}`}
          >
            Delete
          </button>
        </div>
        <dl className="preview-facts">
          <Fact term="Uploaded"><time dateTime={r.createdAt.iso} title={r.createdAt.iso}>{r.createdAt.label}</time></Fact>
          <Fact term="Token">{r.token}</Fact>
          <Fact term="Format">{r.format}</Fact>
          <Fact term="sha256">
            <code title={r.sha256}>{r.shortSha}…</code> <CopyButton value={r.sha256} label={`Copy the sha256 of ${r.fileName}`} />
          </Fact>
          {r.counts.map((c) => <Fact key={c.label} term={c.label}>{c.value}</Fact>)}
          <Fact term="Results still stored from it">{r.resultsLabel}</Fact>
          <Fact term="Note">{r.note ?? "—"}</Fact>
        </dl>
        <UploadTaskLinks id={r.id} fileName={r.fileName} />
        {del.confirming && (
          <DeleteConfirmation id={r.id} onConfirm={del.onConfirm} onCancel={del.onCancel} pending={del.pending} error={del.error} />
        )}
      </article>
    </li>
  );
}
