import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { takeEditSlot } from "@/lib/services/registry/edit-rate";
import { applyModelEdit } from "@/lib/services/registry/apply-model-edit";
import { setModelFamily } from "@/lib/db/model-edits";
import { readEnv } from "@/lib/env.js";
import { modelEditResponseSchema, modelIdParamsSchema, setFamilyBodySchema } from "@/lib/schemas/model-registry";

export const dynamic = "force-dynamic";

/** Puts the model in a family (or none), over an inferred one; the curves it moves are re-analysed. */
export const PUT = defineRoute({
  query: z.object({}),
  params: modelIdParamsSchema,
  body: setFamilyBodySchema,
  response: modelEditResponseSchema,
  auth: "write",
  handler: async ({ params, body, token, request }) => {
    await takeEditSlot(token!.id, readEnv().ATLAS_UPLOAD_RATE_PER_MINUTE);
    return applyModelEdit(() => setModelFamily(params.id, body, token!, request.signal));
  },
});
