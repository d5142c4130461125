import type { UploadRecord } from "@/lib/schemas/uploads";
import { toFormatLabel } from "./prepare-upload-preview";

/** Hex characters of a sha256 shown in lists; the whole hash stays available to copy. */
export const SHORT_SHA_LENGTH = 12;

export type UploadRecordModel = {
  id: number;
  /** as stored: shown as text, never interpreted (a leading = + - @ included) */
  fileName: string;
  sha256: string;
  shortSha: string;
  format: string;
  token: string;
  createdAt: { iso: string; label: string };
  counts: Array<{ label: string; value: number }>;
  results: number;
  resultsLabel: string;
  note: string | null;
};

/** "2026-11-26T08:19:15.000Z" -> "2026-11-26 08:19 UTC": the same on the server and in every browser. */
export function toUtcLabel(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

export function toResultsLabel(results: number): string {
  return results === 1 ? "1 result" : `${results} results`;
}

/** Everything the upload history shows for one upload, as text. */
export function prepareUploadRecord(record: UploadRecord): UploadRecordModel {
  return {
    id: record.id,
    fileName: record.fileName,
    sha256: record.sha256,
    shortSha: record.sha256.slice(0, SHORT_SHA_LENGTH),
    format: toFormatLabel(record.format),
    // uploads from the CLI (and the demo seed) carry no token; a deleted token's uploads lose theirs;
    // an anonymous reader is told a token made it, not which
    token: record.tokenName ?? (record.tokenHidden ? "an API token (its name is shown to token holders)" : "none (CLI or deleted token)"),
    createdAt: { iso: record.createdAt, label: toUtcLabel(record.createdAt) },
    counts: [
      { label: "parsed", value: record.parsed },
      { label: "inserted", value: record.inserted },
      { label: "updated", value: record.updated },
      { label: "skipped (unchanged)", value: record.skipped },
    ],
    results: record.results,
    resultsLabel: record.results === 0 ? "none (replaced by later uploads, or nothing was stored)" : toResultsLabel(record.results),
    note: record.note,
  };
}
