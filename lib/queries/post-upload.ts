import { requestApi } from "@/lib/queries/request-api";
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
export function postUpload({ files, token, dryRun, models, signal }: PostUploadInput): Promise<CreateUploadResponse> {
  const body = new FormData();
  for (const file of files) body.append("files", file, file.name);
  if (models && models.length > 0) body.append("models", JSON.stringify(models));
  return requestApi({ method: "POST", url: `/api/uploads${dryRun ? "?dryRun=1" : ""}`, body, token, signal }, createUploadResponseSchema);
}
