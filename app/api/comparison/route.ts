import { defineRoute } from "@/lib/api/define-route";
import { getComparison } from "@/lib/services/analysis/comparison";
import { comparisonQuerySchema, comparisonResponseSchema } from "@/lib/schemas/comparison";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: comparisonQuerySchema,
  response: comparisonResponseSchema,
  handler: ({ query }) => getComparison(query),
});
