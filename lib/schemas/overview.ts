import { z } from "zod";
import { scaleAxisSchema } from "./curves";
import { verdictSchema } from "./analysis";

export const overviewSortSchema = z.enum(["evidence", "q"]);

export const overviewQuerySchema = z.object({
  q: z.string().max(200).optional(),
  suite: z.string().max(200).optional(),
  family: z.string().max(200).optional(),
  metric: z.string().max(200).optional(),
  /** lm-eval filter ("none", "strict-match", ...) */
  filter: z.string().max(200).optional(),
  verdict: verdictSchema.optional(),
  x: scaleAxisSchema.default("params"),
  /** "evidence": verdict, then q-value, then robust score; "q": q-value first */
  sort: overviewSortSchema.default("evidence"),
  limit: z.coerce.number().int().min(1).max(200).default(48),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const overviewItemSchema = z.object({
  task: z.string(),
  suite: z.string().nullable(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  family: z.string(),
  verdict: verdictSchema,
  /** the decisive reason, in plain words */
  reason: z.string(),
  score: z.number().nullable(),
  /** the curve's own p of the sharpness test (stored) */
  pValue: z.number().nullable(),
  /** Benjamini–Hochberg q-value over the tested curves of this selection (fdr.tested), computed for this request */
  qValue: z.number().nullable(),
  chance: z.number().nullable(),
  lowerBound: z.number().nullable(),
  upperBound: z.number().nullable(),
  points: z.array(z.object({ x: z.number().positive(), y: z.number() })),
});
export type OverviewItem = z.infer<typeof overviewItemSchema>;

export const overviewResponseSchema = z.object({
  total: z.number().int(),
  items: z.array(overviewItemSchema),
  /** the family of hypotheses the q-values control: every curve of the selection (all filters but the verdict) with a sharpness test */
  fdr: z.object({
    tested: z.number().int().nonnegative(),
    /** curves called abrupt whose q-value is below 0.05: abrupt with the false discovery rate controlled at 5 % over this selection */
    abruptAtFdr5: z.number().int().nonnegative(),
  }),
  facets: z.object({
    suites: z.array(z.string()),
    families: z.array(z.string()),
    metrics: z.array(z.string()),
    filters: z.array(z.string()),
    /** curves per verdict under every filter but the verdict; absent verdicts have none */
    verdicts: z.partialRecord(verdictSchema, z.number().int()),
  }),
  /** task views whose results changed and whose re-analysis is still queued: their ranking is from before */
  pendingViews: z.number().int().nonnegative(),
});
export type OverviewResponse = z.infer<typeof overviewResponseSchema>;
