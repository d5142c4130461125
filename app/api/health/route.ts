import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { getHealth } from "@/lib/db/health";
import { healthResponseSchema } from "@/lib/schemas/health";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: z.object({}),
  response: healthResponseSchema,
  handler: () => getHealth(),
});
