import { AppError } from "@/lib/api/app-error";
import { IngestError } from "@/lib/ingest/ingest-error";
import { checkJsonShape, parseJsonLenient } from "@/lib/ingest/parse-json-lenient";
import type { UploadPart } from "./to-upload-parts";

/**
 * What the transport can get wrong, checked before ingestion so it answers 400
 * rather than 422: bytes that are not UTF-8, content that is not what its type
 * claims (CSV sent as JSON and the reverse), JSON that does not parse (with its
 * line and column), nests absurdly deep or uses prototype keys. What the results
 * themselves get wrong is ingestFile's to report.
 */
export function checkUploadText(part: UploadPart): void {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(part.bytes);
  } catch {
    throw new AppError(400, "invalid_encoding", `${part.fileName}: is not valid UTF-8 text`);
  }
  const first = text.search(/[^\s\uFEFF]/);
  if (first === -1) throw new AppError(400, "empty_file", `${part.fileName}: is empty`);
  const looksJson = text[first] === "{" || text[first] === "[";
  if (part.kind === "json" && !looksJson) {
    throw new AppError(400, "content_mismatch", `${part.fileName}: was sent as JSON but is not a JSON object or array`);
  }
  if (part.kind === "csv" && looksJson) {
    throw new AppError(400, "content_mismatch", `${part.fileName}: was sent as CSV but holds JSON`);
  }
  if (part.kind === "json") {
    try {
      checkJsonShape(part.fileName, text);
      parseJsonLenient(part.fileName, text);
    } catch (err) {
      if (err instanceof IngestError) throw new AppError(400, "invalid_json", err.message);
      throw err;
    }
  }
}
