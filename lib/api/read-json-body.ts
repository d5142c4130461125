import { readBody } from "@/lib/api/read-body";
import { checkJsonShape } from "@/lib/ingest/check-json-shape";
import { IngestError } from "@/lib/ingest/ingest-error";
import { AppError } from "@/lib/errors/app-error";

/** Registry edits are a few fields; anything larger is not one. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/** A request's JSON body (at most 64 KB, UTF-8): 413 past the limit, 400 when it is not JSON, 422 naming a key given twice. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readBody(request, JSON_BODY_LIMIT_BYTES);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(400, "malformed_json", "the body is not valid UTF-8");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new AppError(400, "malformed_json", `the body is not JSON (${(err as Error).message})`);
  }
  try {
    // the same shape rule as uploaded files: no key twice (JSON would keep the last silently), bounded depth
    checkJsonShape("the body", text, { prototypeKeys: "refuse" });
  } catch (err) {
    if (err instanceof IngestError) throw new AppError(422, "invalid_body", err.message);
    throw err;
  }
  return value;
}
