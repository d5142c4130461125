import { defineRoute } from "@/lib/api/define-route";
import { getItemFlips } from "@/lib/services/items/item-flips";
import { itemsQuerySchema, itemsResponseSchema } from "@/lib/schemas/items";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: itemsQuerySchema,
  response: itemsResponseSchema,
  handler: ({ query }) => getItemFlips(query),
});
