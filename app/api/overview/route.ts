import { defineRoute } from "@/lib/api/define-route";
import { listOverview } from "@/lib/db/overview";
import { overviewQuerySchema, overviewResponseSchema } from "@/lib/schemas/overview";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: overviewQuerySchema,
  response: overviewResponseSchema,
  handler: ({ query }) => listOverview(query),
});
