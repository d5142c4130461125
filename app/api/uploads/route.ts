import { defineRoute } from "@/lib/api/define-route";
import { listUploads } from "@/lib/db/uploads";
import { readEnv } from "@/lib/env.js";
import { createUploads } from "@/lib/services/uploads/create-uploads";
import { readBody } from "@/lib/api/read-body";
import { readModelMappings } from "@/lib/services/uploads/read-model-mappings";
import { nameHint, toUploadParts } from "@/lib/services/uploads/to-upload-parts";
import { takeUploadSlot } from "@/lib/services/uploads/upload-rate";
import { toUploadFingerprint } from "@/lib/services/uploads/to-upload-fingerprint";
import { readIdempotencyKey, withIdempotency } from "@/lib/services/uploads/with-idempotency";
import {
  createUploadResponseSchema,
  listUploadsQuerySchema,
  listUploadsResponseSchema,
  uploadQuerySchema,
} from "@/lib/schemas/uploads";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: listUploadsQuerySchema,
  response: listUploadsResponseSchema,
  // token names are shown to token holders only
  handler: ({ query, token }) => listUploads(query, { showTokens: token !== null }),
});

/**
 * Raw JSON / CSV (?name= or X-File-Name) or multipart with several files and an
 * optional `models` field (JSON array of model mappings); ?dryRun=1 previews. An
 * Idempotency-Key header makes a retry answer what the first request did.
 */
export const POST = defineRoute({
  query: uploadQuerySchema,
  response: createUploadResponseSchema,
  auth: "write",
  status: (body) => ("dryRun" in body || body.alreadyUploaded ? 200 : 201),
  handler: async ({ query, request, token }) => {
    const env = readEnv();
    await takeUploadSlot(token!.id, env.ATLAS_UPLOAD_RATE_PER_MINUTE);
    const key = readIdempotencyKey(request);
    const bytes = await readBody(request, env.ATLAS_UPLOAD_LIMIT_BYTES);
    const parts = await toUploadParts(request, bytes, nameHint(request, query.name));
    const models = await readModelMappings(request, bytes);
    const input = {
      parts, models, note: query.note ?? null, dryRun: query.dryRun, tokenId: token!.id, maxRows: env.ATLAS_UPLOAD_LIMIT_ROWS,
      signal: request.signal,
    };
    return withIdempotency(key, token!.id, toUploadFingerprint(input), () => createUploads(input));
  },
});
