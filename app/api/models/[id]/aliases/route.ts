import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { takeEditSlot } from "@/lib/services/registry/edit-rate";
import { applyModelEdit } from "@/lib/services/registry/apply-model-edit";
import { addAlias } from "@/lib/db/model-edits";
import { readEnv } from "@/lib/env.js";
import { addAliasBodySchema, modelEditResponseSchema, modelIdParamsSchema } from "@/lib/schemas/model-registry";

export const dynamic = "force-dynamic";

/** Adds a name under which later uploads find the model (409 when it already names a model). */
export const POST = defineRoute({
  query: z.object({}),
  params: modelIdParamsSchema,
  body: addAliasBodySchema,
  response: modelEditResponseSchema,
  auth: "write",
  status: () => 201,
  handler: async ({ params, body, token, request }) => {
    await takeEditSlot(token!.id, readEnv().ATLAS_UPLOAD_RATE_PER_MINUTE);
    return applyModelEdit(() => addAlias(params.id, body, token!, request.signal));
  },
});
