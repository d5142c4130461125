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
  if (parsed.results.length === 0) {
    const skipped = parsed.missingValues > 0 ? ` (${parsed.missingValues} missing value(s) skipped)` : "";
    throw new IngestError(fileName, `no results in ${fileName}${skipped}`);
  }
  return parsed;
}
