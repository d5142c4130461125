import { z } from "zod";
import { curveAnalysisSchema } from "./analysis";
import { scaleAxisSchema } from "./curves";
import { curvesQuerySchema } from "./curves";

export const pooledQuerySchema = curvesQuerySchema.omit({ model: true, x: true }).extend({ x: scaleAxisSchema.default("flops") });
export type PooledQuery = z.infer<typeof pooledQuerySchema>;

export const pooledFamilySchema = z.object({
  family: z.string(),
  sizes: z.number().int(),
  /** decades added to the family's log-scale to place it on the reference family's; null: not placed */
  shift: z.number().nullable(),
  interval: z.tuple([z.number(), z.number()]).nullable(),
  /** Holm-adjusted p-value of its points around the pooled curve */
  pDeparture: z.number().nullable(),
  departs: z.boolean(),
  note: z.string().nullable(),
});

export const pooledResponseSchema = z.object({
  task: z.string(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  x: scaleAxisSchema,
  /** what pooling assumes, in one sentence */
  assumption: z.string(),
  /** null when fewer than two families can be placed */
  pooled: z
    .object({ reference: z.string(), families: z.array(pooledFamilySchema), analysis: curveAnalysisSchema })
    .nullable(),
});
export type PooledResponse = z.infer<typeof pooledResponseSchema>;
