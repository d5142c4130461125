import { defineRoute } from "@/lib/api/define-route";
import { getCurves } from "@/lib/db/curves";
import { curvesQuerySchema, curvesResponseSchema } from "@/lib/schemas/curves";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: curvesQuerySchema,
  response: curvesResponseSchema,
  handler: ({ query }) => getCurves(query),
});
