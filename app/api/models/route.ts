import { defineRoute } from "@/lib/api/define-route";
import { listModels } from "@/lib/db/models";
import { listModelsQuerySchema, listModelsResponseSchema } from "@/lib/schemas/models";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: listModelsQuerySchema,
  response: listModelsResponseSchema,
  handler: async () => ({ models: await listModels() }),
});
