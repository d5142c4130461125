import { z } from "zod";
import { curveAnalysisSchema } from "./analysis";
import { shotsParamSchema } from "./curves";

export const lossQuerySchema = z.object({
  task: z.string().min(1, "is required").max(200),
  metric: z.string().min(1).max(200).optional(),
  shots: shotsParamSchema.optional(),
  filter: z.string().min(1).max(200).optional(),
  /** the reference whose value places each model: `task:metric`, e.g. lambada_openai:ppl; default: the first the view's models have */
  ref: z.string().regex(/^[^:]+:[^:]+$/, "is task:metric").max(400).optional(),
  refShots: shotsParamSchema.optional(),
});
export type LossQuery = z.infer<typeof lossQuerySchema>;

const lossPointSchema = z.object({ model: z.string(), loss: z.number().positive(), value: z.number(), stderr: z.number().nullable() });

export const lossResponseSchema = z.object({
  task: z.string(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  chance: z.number().nullable(),
  /** null when no model of the view has a loss-type reference */
  ref: z.object({ task: z.string(), metric: z.string(), shots: z.number().int().nullable(), filter: z.string() }).nullable(),
  /** loss-type results (perplexity, loss, bits per byte) measured on the view's models: the references to choose from */
  references: z.array(z.object({ task: z.string(), metric: z.string(), models: z.number().int() })),
  series: z.array(z.object({ family: z.string(), points: z.array(lossPointSchema) })),
  /** models of the view without the reference value: listed, never placed */
  unplaced: z.array(z.object({ model: z.string(), value: z.number() })),
  /** each family's analysis with the reference's loss as x (thresholds and fits in loss units) */
  analyses: z.array(curveAnalysisSchema),
});
export type LossResponse = z.infer<typeof lossResponseSchema>;
