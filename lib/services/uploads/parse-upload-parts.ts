import { AppError } from "@/lib/errors/app-error";
import { IngestError, MalformedJsonError, RowLimitError } from "@/lib/ingest/ingest-error";
import { parseFile } from "@/lib/ingest/parse-file";
import type { ParsedFile } from "@/lib/schemas/parsed-file";
import { checkUploadText } from "./check-upload-text";
import type { UploadPart } from "./to-upload-parts";

/** A file of an upload, parsed, or refused for its content (a 422 problem naming its row or key). */
export type ReadPart = { part: UploadPart; parsed: ParsedFile } | { part: UploadPart; error: string };

function tooManyRows(fileName: string, limit: number): AppError {
  return new AppError(
    413,
    "too_many_rows",
    `${fileName}: this upload holds more than ${limit} rows, the limit for uploads over HTTP (ATLAS_UPLOAD_LIMIT_ROWS); ` +
      "load large files from the command line with `npm run ingest -- PATH`, which has no row limit",
  );
}

/**
 * Decodes and parses every file of an upload once, before any database work:
 * transport problems and JSON that cannot be read answer 400, more than
 * `maxRows` rows across the upload 413 (parsing stops at the row past the
 * limit), and a file whose content is wrong becomes that file's problem.
 */
export function parseUploadParts(parts: UploadPart[], maxRows: number): ReadPart[] {
  let left = maxRows;
  return parts.map((part) => {
    const text = checkUploadText(part);
    try {
      const parsed = parseFile(part.fileName, text, { maxRows: left, prototypeKeys: "refuse" });
      left -= parsed.results.length + parsed.missingValues;
      return { part, parsed };
    } catch (err) {
      if (err instanceof RowLimitError) throw tooManyRows(part.fileName, maxRows);
      if (err instanceof MalformedJsonError) throw new AppError(400, "invalid_json", err.message);
      if (err instanceof IngestError) return { part, error: err.message };
      throw err;
    }
  });
}
