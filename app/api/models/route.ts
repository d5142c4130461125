import { defineRoute } from "@/lib/api/define-route";
import { takeEditSlot } from "@/lib/services/registry/edit-rate";
import { applyModelEdit } from "@/lib/services/registry/apply-model-edit";
import { createModel } from "@/lib/db/model-edits";
import { listModelRegistry } from "@/lib/db/model-registry";
import { readEnv } from "@/lib/env.js";
import { createModelBodySchema, modelEditResponseSchema, modelRegistryResponseSchema } from "@/lib/schemas/model-registry";
import { listModelsQuerySchema } from "@/lib/schemas/models";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: listModelsQuerySchema,
  response: modelRegistryResponseSchema,
  handler: ({ query }) => listModelRegistry(query),
});

/** Adds a model (409 when its name already denotes one). */
export const POST = defineRoute({
  query: listModelsQuerySchema,
  body: createModelBodySchema,
  response: modelEditResponseSchema,
  auth: "write",
  status: () => 201,
  handler: async ({ body, token, request }) => {
    await takeEditSlot(token!.id, readEnv().ATLAS_UPLOAD_RATE_PER_MINUTE);
    return applyModelEdit(() => createModel(body, token!, request.signal));
  },
});
