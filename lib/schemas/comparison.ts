import { z } from "zod";
import { shotsParamSchema, scaleAxisSchema } from "./curves";
import { curveAnalysisSchema } from "./analysis";

export const comparisonQuerySchema = z.object({
  task: z.string().min(1, "is required").max(200),
  shots: shotsParamSchema.optional(),
  filter: z.string().min(1).max(200).optional(),
  x: scaleAxisSchema.default("params"),
  /** comma-separated metric names; default: every metric of the task at these shots */
  metrics: z.string().min(1).max(2000).optional(),
});
export type ComparisonQuery = z.infer<typeof comparisonQuerySchema>;

export const familyComparisonSchema = z.object({
  family: z.string(),
  /** the models scored under every compared metric: the only ones the comparison uses */
  models: z.array(z.string()),
  /** models left out because some metric has no result for them */
  excluded: z.array(z.string()),
  byMetric: z.array(z.object({ metric: z.string(), filter: z.string(), analysis: curveAnalysisSchema })),
  /** every metric's verdict is decided (not "cannot tell" or "suspect zero") */
  decided: z.boolean(),
  /** decided, and the verdicts differ between metrics: the mirage test's finding */
  dependsOnMetric: z.boolean(),
  statement: z.string(),
});
export type FamilyComparison = z.infer<typeof familyComparisonSchema>;

export const comparisonResponseSchema = z.object({
  task: z.string(),
  shots: z.number().int().nullable(),
  x: scaleAxisSchema,
  metrics: z.array(z.object({ metric: z.string(), filter: z.string() })),
  families: z.array(familyComparisonSchema),
});
export type ComparisonResponse = z.infer<typeof comparisonResponseSchema>;
