import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { listModelCheckpoints } from "@/lib/db/model-registry";
import { modelCheckpointsResponseSchema, modelIdParamsSchema } from "@/lib/schemas/model-registry";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: z.object({}),
  params: modelIdParamsSchema,
  response: modelCheckpointsResponseSchema,
  handler: ({ params }) => listModelCheckpoints(params.id),
});
