import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { refreshAnalyses } from "@/lib/db/refresh-analyses";
import { deleteUpload, getUpload } from "@/lib/db/uploads";
import { deleteUploadResponseSchema, uploadIdParamsSchema, uploadResponseSchema } from "@/lib/schemas/uploads";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: z.object({}),
  params: uploadIdParamsSchema,
  response: uploadResponseSchema,
  handler: async ({ params }) => ({ upload: await getUpload(params.id) }),
});

/** Removes the upload's results (see lib/db/uploads.ts for what "its results" means) and re-analyses their curves. */
export const DELETE = defineRoute({
  query: z.object({}),
  params: uploadIdParamsSchema,
  response: deleteUploadResponseSchema,
  auth: "write",
  handler: async ({ params }) => {
    const { results, touched } = await deleteUpload(params.id);
    const refreshed = touched.length > 0 ? await refreshAnalyses(touched) : { analysedCurves: 0 };
    return { deleted: { id: params.id, results }, analysedCurves: refreshed.analysedCurves };
  },
});
