import { uploadsPageQuerySchema } from "@/lib/schemas/uploads";
import { firstValues, parseSearchParams } from "./search-params";

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
