import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { takeEditSlot } from "@/lib/services/registry/edit-rate";
import { applyModelEdit } from "@/lib/services/registry/apply-model-edit";
import { correctModel } from "@/lib/db/model-edits";
import { getRegistryModel } from "@/lib/db/model-registry";
import { readEnv } from "@/lib/env.js";
import { correctModelBodySchema, modelEditResponseSchema, modelIdParamsSchema, registryModelSchema } from "@/lib/schemas/model-registry";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: z.object({}),
  params: modelIdParamsSchema,
  response: z.object({ model: registryModelSchema }),
  handler: async ({ params }) => ({ model: await getRegistryModel(params.id) }),
});

/** Corrects scale facts, with the source or reason; the curves they move are re-analysed. */
export const PATCH = defineRoute({
  query: z.object({}),
  params: modelIdParamsSchema,
  body: correctModelBodySchema,
  response: modelEditResponseSchema,
  auth: "write",
  handler: async ({ params, body, token, request }) => {
    await takeEditSlot(token!.id, readEnv().ATLAS_UPLOAD_RATE_PER_MINUTE);
    return applyModelEdit(() => correctModel(params.id, body, token!, request.signal));
  },
});
