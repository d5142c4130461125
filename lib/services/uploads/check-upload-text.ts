import { AppError } from "@/lib/errors/app-error";
import type { UploadPart } from "./to-upload-parts";

/**
 * What the transport can get wrong, checked before parsing so it answers 400
 * rather than 422: bytes that are not UTF-8, an empty body, content that is not
 * what its type claims (CSV sent as JSON and the reverse). Returns the text.
 * JSON that does not parse is parseUploadParts' to report (also 400), while
 * parsing it the one time it is parsed.
 */
export function checkUploadText(part: UploadPart): string {
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
  return text;
}
