import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { getHealth } from "@/lib/db/health";
import { healthResponseSchema } from "@/lib/schemas/health";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: z.object({}),
  response: healthResponseSchema,
  // a load balancer or CI probe reads the status: 503 while the database does not answer
  status: (body) => (body.ok ? 200 : 503),
  // the primary: the database that takes writes and holds the job queue
  reads: "primary",
  handler: () => getHealth(),
});
