import { defineRoute } from "@/lib/api/define-route";
import { getPooled } from "@/lib/services/analysis/pooled";
import { pooledQuerySchema, pooledResponseSchema } from "@/lib/schemas/pooled";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: pooledQuerySchema,
  response: pooledResponseSchema,
  handler: ({ query }) => getPooled(query),
});
