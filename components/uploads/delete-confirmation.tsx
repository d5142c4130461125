"use client";

import { ApiRequestError } from "@/lib/queries/request-api";
import { prepareDeleteConfirmation, type DeletionSubject } from "@/lib/view-models/prepare-upload-deletion";
import { useUploadQuery } from "@/lib/queries/uploads-query";

export function httpSuffix(error: Error): string {
  return error instanceof ApiRequestError ? ` (HTTP ${error.status})` : "";
}

/**
 * The confirmation step: counts what the upload holds now (not what the list
 * fetched a while ago), names the file and the number of results, and waits
 * for the click that deletes.
 */
export function DeleteConfirmation({ id, onConfirm, onCancel, pending, error }: {
  id: number;
  onConfirm: (subject: DeletionSubject) => void;
  onCancel: () => void;
  pending: boolean;
  /** the last attempt's failure, shown here where the user acted */
  error: Error | null;
}) {
  const detail = useUploadQuery(id, { fresh: true });
  const headingId = `delete-upload-${id}`;
  const cancel = <button type="button" onClick={onCancel} disabled={pending}>Cancel</button>;
  if (detail.isPending) {
    return <p role="status" className="muted">Counting the results this upload holds…</p>;
  }
  if (detail.isError) {
    return (
      <div role="alert" className="error confirm-delete">
        <p>Could not check upload {id}{httpSuffix(detail.error)}: {detail.error.message}</p>
        {cancel}
      </div>
    );
  }
  const { upload } = detail.data;
  const subject: DeletionSubject = { id, fileName: upload.fileName, results: upload.results, tasks: upload.tasks };
  const model = prepareDeleteConfirmation(subject);
  return (
    <section role="alertdialog" aria-labelledby={headingId} className="confirm-delete">
      <p id={headingId}><strong>{model.question}</strong></p>
      <p>{model.consequence}</p>
      <p>
        <button type="button" className="danger" onClick={() => onConfirm(subject)} disabled={pending}>{model.confirmLabel}</button>{" "}
        {cancel}{" "}
        {pending && <span role="status">Deleting and refreshing the analysis…</span>}
      </p>
      {error && <p role="alert" className="error">Delete failed{httpSuffix(error)}: {error.message}</p>}
    </section>
  );
}
