import { defineRoute } from "@/lib/api/define-route";
import { getLossView } from "@/lib/services/analysis/loss-view";
import { lossQuerySchema, lossResponseSchema } from "@/lib/schemas/loss-axis";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: lossQuerySchema,
  response: lossResponseSchema,
  handler: ({ query }) => getLossView(query),
});
