import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";
import { listTasks } from "@/lib/db/tasks";
import { tasksResponseSchema } from "@/lib/schemas/tasks";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: z.object({}),
  response: tasksResponseSchema,
  handler: async () => ({ tasks: await listTasks() }),
});
