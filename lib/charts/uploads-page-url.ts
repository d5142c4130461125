import { uploadsPageQuerySchema } from "@/lib/schemas/uploads";
import { firstValues, parseSearchParams } from "./parse-search-params";

/** Uploads per page of the history. */
export const UPLOADS_PAGE_SIZE = 20;

/** The history page from the URL (`/uploads?page=2`); anything invalid is page 1. */
export function toUploadsPage(params: Record<string, string | string[] | undefined>): number {
  return parseSearchParams(uploadsPageQuerySchema, { page: firstValues(params).page }).page;
}

/** The API's window for a page. */
export function toUploadsRange(page: number, pageSize = UPLOADS_PAGE_SIZE): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

export function toUploadsHref(page: number): string {
  return page <= 1 ? "/uploads" : `/uploads?page=${page}`;
}

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
