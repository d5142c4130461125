import { defineRoute } from "@/lib/api/define-route";
import { listTasks } from "@/lib/db/tasks";
import { tasksQuerySchema, tasksResponseSchema } from "@/lib/schemas/tasks";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  query: tasksQuerySchema,
  response: tasksResponseSchema,
  handler: ({ query }) => listTasks(query),
});
