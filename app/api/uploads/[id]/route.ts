import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { takeRateSlot } from "@/lib/db/rate-slots";
import { readEnv } from "@/lib/env.js";
import { nudgeAnalysisWorkers } from "@/lib/services/analysis/analysis-worker";
import { deleteUpload, getUpload } from "@/lib/db/uploads";
import { deleteUploadResponseSchema, uploadIdParamsSchema, uploadResponseSchema } from "@/lib/schemas/uploads";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: z.object({}),
  params: uploadIdParamsSchema,
  response: uploadResponseSchema,
  handler: async ({ params, token }) => ({ upload: await getUpload(params.id, { showTokens: token !== null }) }),
});

/**
 * Removes the upload's results (see lib/db/uploads.ts for what "its results" means); their curves are
 * re-analysed in the background. Only the token that made the upload, or an admin token, may; each
 * token has its own per-minute budget of deletions.
 */
export const DELETE = defineRoute({
  query: z.object({}),
  params: uploadIdParamsSchema,
  response: deleteUploadResponseSchema,
  auth: "write",
  handler: async ({ params, request, token }) => {
    await takeRateSlot("deletions", token!.id, readEnv().ATLAS_DELETE_RATE_PER_MINUTE);
    const { results, restored, touched } = await deleteUpload(params.id, token!, request.signal);
    if (touched.length > 0) nudgeAnalysisWorkers();
    return { deleted: { id: params.id, results, restored }, analysisQueued: touched.length };
  },
});
