import { z } from "zod";
import { verdictSchema } from "./analysis";

export const taskSummarySchema = z.object({
  name: z.string(),
  suite: z.string().nullable(),
  chance: z.number().nullable(),
  /** an aggregate of other tasks (an lm-eval group such as mmlu): left out of the overview, which counts its subtasks */
  isGroup: z.boolean(),
  metrics: z.array(z.string()),
  families: z.number().int(),
  models: z.number().int(),
  results: z.number().int(),
  /** curves per verdict on the parameters axis (stored analyses) */
  verdicts: z.partialRecord(verdictSchema, z.number().int()),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

/** Optional paging, by task name; without a limit every task is listed. */
export const tasksQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type TasksQuery = z.infer<typeof tasksQuerySchema>;

export const tasksResponseSchema = z.object({
  tasks: z.array(taskSummarySchema),
  /** tasks with results, over every page */
  total: z.number().int(),
});
export type TasksResponse = z.infer<typeof tasksResponseSchema>;
