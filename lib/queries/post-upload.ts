import { toApiRequestError } from "@/lib/api/fetch-json";
import { createUploadResponseSchema, type CreateUploadResponse, type ModelMapping } from "@/lib/schemas/uploads";

export type PostUploadInput = {
  files: readonly File[];
  token: string;
  dryRun: boolean;
  models?: readonly ModelMapping[];
  signal?: AbortSignal;
};

/**
 * POST /api/uploads as multipart (the files, and the model mappings as the
 * `models` field), with the bearer token; the answer checked against its
 * schema. A non-2xx answer throws ApiRequestError with the server's message.
 */
export async function postUpload({ files, token, dryRun, models, signal }: PostUploadInput): Promise<CreateUploadResponse> {
  const body = new FormData();
  for (const file of files) body.append("files", file, file.name);
  if (models && models.length > 0) body.append("models", JSON.stringify(models));
  const res = await fetch(`/api/uploads${dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    body,
    signal,
    headers: { accept: "application/json", authorization: `Bearer ${token}` },
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiRequestError(res.status, json);
  return createUploadResponseSchema.parse(json);
}
