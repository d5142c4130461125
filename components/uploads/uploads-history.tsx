"use client";

import { useState } from "react";
import { ApiRequestError } from "@/lib/queries/request-api";
import { prepareDeletedUpload, type DeletionSubject } from "@/lib/view-models/prepare-upload-deletion";
import { prepareUploadsPagination } from "@/lib/view-models/prepare-uploads-pagination";
import { toUploadsRange } from "@/lib/view-state/uploads-page-view";
import { useDeleteUploadMutation } from "@/lib/queries/delete-upload";
import { toLoadState } from "@/lib/queries/load-state";
import { useUploadsQuery } from "@/lib/queries/uploads-query";
import { QueryFrame } from "@/components/query-frame";
import { TokenPanel } from "@/components/upload/token-panel";
import { useSessionToken } from "@/components/upload/use-session-token";
import { DeletionOutcome } from "./deletion-outcome";
import { UploadCard } from "./upload-card";
import { UploadsPagination } from "./uploads-pagination";

const isGone = (error: Error | null) => error instanceof ApiRequestError && error.status === 404;

/**
 * /uploads: every upload, newest first, a page at a time, with a Delete per
 * upload behind the tab's API token. The deletion lives here, not in the card,
 * so its outcome outlives the card it removes from the list.
 */
export function UploadsHistory({ page }: { page: number }) {
  const { token, setToken, clearToken } = useSessionToken();
  // with the tab's token the list names the tokens behind uploads
  const uploads = useUploadsQuery(toUploadsRange(page), token);
  const del = useDeleteUploadMutation();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [subject, setSubject] = useState<DeletionSubject | null>(null);
  const state = toLoadState(uploads, (d) => (d.total === 0 ? "No uploads yet: add results on the Upload page." : null));

  const confirm = (s: DeletionSubject) => {
    if (token === null) return;
    setSubject(s);
    del.mutate({ id: s.id, token }, { onSuccess: () => setConfirming(null) });
  };
  const deleted = del.isSuccess && subject ? prepareDeletedUpload(subject, { ...del.data.deleted, analysisQueued: del.data.analysisQueued }) : null;
  const gone = isGone(del.error) ? del.error!.message : null;

  return (
    <>
      <TokenPanel hasToken={token !== null} onSet={setToken} onClear={clearToken} needs="Deleting an upload" sentWith="each deletion" />
      <DeletionOutcome deleted={deleted} gone={gone} focusKey={`${del.submittedAt}-${del.status}`} onDismiss={() => del.reset()} />
      <QueryFrame state={state}>
        {(data) => {
          const pagination = prepareUploadsPagination(page, data.uploads.length, data.total);
          return (
            <>
              <UploadsPagination model={pagination} label="Upload pages" />
              <ul className="upload-cards" aria-label="Uploads, newest first">
                {data.uploads.map((record) => {
                  const mine = del.variables?.id === record.id;
                  return (
                    <UploadCard
                      key={record.id}
                      record={record}
                      del={{
                        hasToken: token !== null,
                        confirming: confirming === record.id,
                        pending: mine && del.isPending,
                        error: mine && !isGone(del.error) ? del.error : null,
                        onAsk: () => {
                          del.reset();
                          setConfirming(record.id);
                        },
                        onCancel: () => setConfirming(null),
                        onConfirm: confirm,
                      }}
                    />
                  );
                })}
              </ul>
              {data.uploads.length > 10 && <UploadsPagination model={pagination} label="Upload pages, end of list" />}
            </>
          );
        }}
      </QueryFrame>
    </>
  );
}
