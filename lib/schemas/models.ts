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

/**
 * GET /api/models: a page of models matching `q` (name, alias or family, any
 * case), in family then size order; `total` counts every match. 100 a page by
 * default; scripts may ask for up to 10,000.
 */
export const listModelsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListModelsQuery = z.infer<typeof listModelsQuerySchema>;

export const listModelsResponseSchema = z.object({ models: z.array(modelSummarySchema) });
export type ListModelsResponse = z.infer<typeof listModelsResponseSchema>;
