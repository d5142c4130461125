import { z } from "zod";
import { scaleAxisSchema, shotsParamSchema } from "./curves";
/** the forms a forecast extrapolates with (lib/emergence/forecast/fit-forecast-form.ts) */
export const forecastFormSchema = z.enum(["linear", "logistic", "hinge", "sigmoid"]);

export const forecastQuerySchema = z.object({
  task: z.string().min(1, "is required").max(200),
  metric: z.string().min(1).max(200).optional(),
  shots: shotsParamSchema.optional(),
  filter: z.string().min(1).max(200).optional(),
  x: scaleAxisSchema.default("flops"),
  form: forecastFormSchema.default("logistic"),
  /** fit on the models below this scale, forecast those at or above it; default: the view's largest scale */
  cutoff: z.coerce.number().positive().finite().optional(),
  /** central probability of the prediction band */
  level: z.coerce.number().min(0.5).max(0.99).default(0.9),
  /** "when will it emerge": the score (metric units) whose crossing is forecast; default: halfway from chance to the bound */
  reach: z.coerce.number().finite().optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuerySchema>;

const forecastPointSchema = z.object({ x: z.number().positive(), mean: z.number(), lower: z.number(), upper: z.number() });

export const emergenceScaleSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("crosses"), x: z.number().positive(), lower: z.number().positive(), upper: z.number().positive() }),
  z.object({ status: z.literal("already"), x: z.number().positive() }),
  z.object({ status: z.literal("cannot-tell"), reason: z.string() }),
]);

export const familyForecastSchema = z.object({
  family: z.string(),
  /** sizes fitted (below the cutoff); null forecast when too few for the form */
  trained: z.number().int(),
  /** why there is no forecast, when there is none */
  note: z.string().nullable(),
  /** each measured size at or above the cutoff: what was measured and forecast */
  heldOut: z.array(forecastPointSchema.extend({ observed: z.number(), inside: z.boolean() })),
  /** the forecast and its band from the largest fitted size to a decade past the largest measured size (or the cutoff), for drawing */
  band: z.array(forecastPointSchema),
  /** mean absolute error and band coverage over heldOut; null when nothing was held out */
  mae: z.number().nullable(),
  coverage: z.number().nullable(),
  /** where the forecast crosses `reach`, with its interval */
  emergence: emergenceScaleSchema.nullable(),
});
export type FamilyForecast = z.infer<typeof familyForecastSchema>;

export const forecastResponseSchema = z.object({
  task: z.string(),
  metric: z.string(),
  shots: z.number().int().nullable(),
  filter: z.string(),
  x: scaleAxisSchema,
  form: forecastFormSchema,
  cutoff: z.number().positive(),
  level: z.number(),
  reach: z.number().nullable(),
  /** the distinct measured scales of the view: the cutoffs a user can choose between */
  scales: z.array(z.number().positive()),
  families: z.array(familyForecastSchema),
});
export type ForecastResponse = z.infer<typeof forecastResponseSchema>;
