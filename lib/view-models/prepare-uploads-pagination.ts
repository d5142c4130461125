import { toUploadsHref, UPLOADS_PAGE_SIZE } from "@/lib/view-state/uploads-page-view";

export type UploadsPagination = {
  /** "Uploads 26–50 of 340", or why the page is empty */
  label: string;
  newer: string | null;
  older: string | null;
  /** the page is past the end (the list shrank): link back to the last page that has uploads */
  lastPage: string | null;
};

/** Where a page sits in the history, newest first, and the links around it. */
export function prepareUploadsPagination(page: number, shown: number, total: number, pageSize = UPLOADS_PAGE_SIZE): UploadsPagination {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const beyond = shown === 0 && page > 1;
  return {
    label: shown === 0 ? (total === 0 ? "No uploads yet" : `No uploads on page ${page}; there are ${total}`) : `Uploads ${from}–${from + shown - 1} of ${total}`,
    newer: page > 1 && !beyond ? toUploadsHref(page - 1) : null,
    older: page < pageCount && !beyond ? toUploadsHref(page + 1) : null,
    lastPage: beyond && total > 0 ? toUploadsHref(pageCount) : null,
  };
}
