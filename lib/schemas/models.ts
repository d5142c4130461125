import { z } from "zod";

// GET /api/models: the stored model registry, for choosing what an unknown model is.
// It answers the fuller shape of lib/schemas/model-registry.ts; this is the part the upload page reads.

export const modelSummarySchema = z.object({
  name: z.string(),
  family: z.string().nullable(),
  parameters: z.number().nullable(),
  trainingTokens: z.number().nullable(),
  trainingFlops: z.number().nullable(),
  flopsEstimated: z.boolean(),
  /** where the scale facts come from */
  source: z.string().nullable(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;

export const listModelsQuerySchema = z.object({});

export const listModelsResponseSchema = z.object({ models: z.array(modelSummarySchema) });
export type ListModelsResponse = z.infer<typeof listModelsResponseSchema>;
