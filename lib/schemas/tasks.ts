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

export const tasksResponseSchema = z.object({ tasks: z.array(taskSummarySchema) });
export type TasksResponse = z.infer<typeof tasksResponseSchema>;
