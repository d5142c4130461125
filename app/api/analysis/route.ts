import { defineRoute } from "@/lib/api/define-route";
import { getAnalysis } from "@/lib/db/analysis";
import { analysisResponseSchema } from "@/lib/schemas/analysis";
import { curvesQuerySchema } from "@/lib/schemas/curves";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: curvesQuerySchema,
  response: analysisResponseSchema,
  handler: ({ query }) => getAnalysis(query),
});
