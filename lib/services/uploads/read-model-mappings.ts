import { AppError } from "@/lib/errors/app-error";
import { modelMappingsSchema, type ModelMapping } from "@/lib/schemas/uploads";

const FIELD_MARK = Buffer.from('name="models"');

function contains(bytes: Uint8Array, needle: Buffer): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/**
 * The model mappings sent with a multipart upload: the text field `models`, a
 * JSON array of ModelMapping. None for a raw body or a form without the field
 * (checked on the bytes first, so a plain upload is not parsed twice). Bad JSON
 * answers 400, a bad mapping 422 naming its index and field.
 */
export async function readModelMappings(request: Request, bytes: Uint8Array): Promise<ModelMapping[]> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^\s*multipart\/form-data/i.test(contentType) || !contains(bytes, FIELD_MARK)) return [];
  let field: FormDataEntryValue | null;
  try {
    const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData();
    field = form.get("models");
  } catch {
    throw new AppError(400, "malformed_multipart", "the multipart/form-data body cannot be read");
  }
  if (field === null) return [];
  if (typeof field !== "string") throw new AppError(400, "invalid_models", "models: send the mappings as a text field, not a file");
  let raw: unknown;
  try {
    raw = JSON.parse(field);
  } catch (err) {
    throw new AppError(400, "invalid_models", `models: is not JSON (${(err as Error).message})`);
  }
  const checked = modelMappingsSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AppError(422, "invalid_models", `models.${issue.path.join(".")}: ${issue.message}`);
  }
  return checked.data;
}
