import type { ParsedFile, ParsedFileDraft } from "@/lib/schemas/parsed-file";
import { checkNames } from "./check-names";
import { IngestError } from "./ingest-error";
import { toParsedFile } from "./validate-parsed-file";

/**
 * What every parsed file must satisfy whatever its format: parsedFileSchema,
 * the name rule, and at least one result (an upload of nothing is a mistake,
 * not an empty success).
 */
export function toCheckedFile(fileName: string, draft: ParsedFileDraft): ParsedFile {
  const parsed = toParsedFile(fileName, draft);
  checkNames(fileName, parsed);
  if (parsed.results.length === 0) throw noResultsError(fileName, parsed.missingValues);
  return parsed;
}

/** A file that yields no result: an upload of nothing is a mistake, not an empty success. */
export function noResultsError(fileName: string, missingValues: number): IngestError {
  const skipped = missingValues > 0 ? ` (${missingValues} missing value(s) skipped)` : "";
  return new IngestError(fileName, `no results in ${fileName}${skipped}`);
}
